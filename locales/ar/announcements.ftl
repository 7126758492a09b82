# إعلانات مسؤولي التدريب: /announce والموافقة و/announcements والتقارير وتأكيدات الاطلاع.
command-announce = كتابة إعلان إلى المتدربين
command-announcements = الإعلانات الأخيرة وحالة إيصالها
announce-prompt-body = أرسل الإعلان الآن: نصًا (يُحتفظ بالخط العريض والمائل والروابط)، أو صورة أو مستندًا مع تعليق. أي أمر يوقف ذلك.
announce-unsupported-body = الإعلان نص أو صورة أو مستند. أرسل أحدها، أو أي أمر للخروج.
announce-button-discard = ✖️ تجاهل
announce-discarded = تم تجاهل الإعلان.
announce-stale = لم يعد هذا الإعلان في تلك المرحلة.
announce-panel-title = الإعلان رقم { $id } (مسودة)
announce-panel-audience = المستلمون: { $audience }
announce-panel-count =
    { $count ->
        [one] مستلم واحد حاليًا.
        [two] مستلمان حاليًا.
        [few] { $count } مستلمين حاليًا.
        [many] { $count } مستلمًا حاليًا.
       *[other] { $count } مستلم حاليًا.
    }
announce-panel-ack-on = يتلقى المستلمون زر «تم الاطلاع».
announce-panel-ack-off = بلا زر «تم الاطلاع».
announce-panel-approval = يجب أن يوافق عليه مسؤول تدريب ثانٍ قبل إرساله.
announce-button-audience = 👥 المستلمون…
announce-button-preview = 👁 معاينة
announce-button-ack-on = إضافة زر «تم الاطلاع»
announce-button-ack-off = إزالة زر «تم الاطلاع»
announce-button-send = 📣 الإرسال الآن
announce-button-schedule = 🕒 جدولة…
announce-audience-title = من يجب أن يتلقاه؟ تُجمع عوامل التصفية معًا.
announce-audience-everyone = جميع المتدربين الذين تم التحقق من هويتهم
announce-filter-cohort = الدفعة «{ $name }»
announce-filter-course = الدورة «{ $course }»: { $completion }
announce-filter-country = البلد { $country }
announce-filter-language = اللغة: { $language }
announce-by-cohort = الدفعة…
announce-by-course = الدورة…
announce-by-country = البلد…
announce-by-language = اللغة…
announce-by-completion = مستوى التقدم…
announce-everyone = الجميع (بلا تصفية)
announce-any = الكل
announce-back = ▶️ رجوع
announce-completion-any = بدأها أو أُسندت إليه
announce-completion-not-started = لم يبدأها
announce-completion-in-progress = قيد الدراسة
announce-completion-completed = أكملها
announce-schedule-title = متى يجب إرساله؟
announce-in-one-hour = بعد ساعة
announce-tomorrow-morning = غدًا في الساعة 09:00
announce-type-when-button = اكتب التاريخ والوقت…
announce-type-when = اكتب التاريخ والوقت حسب منطقتك الزمنية ({ $zone })، مثل 2027-03-15 09:00.
announce-bad-when = اكتب تاريخًا ووقتًا في المستقبل حسب منطقتك الزمنية ({ $zone })، مثل 2027-03-15 09:00.
announce-empty = لا يطابق أحد هؤلاء المستلمين حاليًا. غيّر عوامل التصفية.
announce-sending =
    يُرسل الإعلان رقم { $id } الآن إلى { $count ->
        [one] مستلم واحد.
        [two] مستلمَين.
        [few] { $count } مستلمين.
        [many] { $count } مستلمًا.
       *[other] { $count } مستلم.
    } يعرض /announcements مدى تقدمه، وستتلقى تقريرًا في النهاية.
announce-scheduled =
    سيُرسل الإعلان رقم { $id } في { $when } إلى { $count ->
        [one] مستلم واحد.
        [two] مستلمَين.
        [few] { $count } مستلمين.
        [many] { $count } مستلمًا.
       *[other] { $count } مستلم.
    } يظهر في /announcements، ويمكن إلغاؤه من هناك.
announce-awaiting-approval =
    يُوجَّه الإعلان رقم { $id } إلى { $count } مستلم، لذا يجب أن يوافق عليه مسؤول تدريب ثانٍ. { $reviewers ->
        [0] لا يمكن الوصول إلى أي مسؤول آخر حاليًا، وسيجدونه في /announcements.
        [one] طُلبت موافقة مسؤول واحد.
        [two] طُلبت موافقة مسؤولَين.
        [few] طُلبت موافقة { $reviewers } مسؤولين.
        [many] طُلبت موافقة { $reviewers } مسؤولًا.
       *[other] طُلبت موافقة { $reviewers } مسؤول.
    }
announce-approval-request = يحتاج الإعلان رقم { $id } الموجَّه إلى { $count } مستلم ({ $audience }) إلى موافقة مسؤول تدريب ثانٍ قبل إرساله.
announce-button-show = 👁 عرضه
announce-button-approve = ✅ موافقة
announce-button-reject = ✖️ رفض
announce-button-approve-id = ✅ موافقة على رقم { $id }
announce-button-reject-id = ✖️ رفض رقم { $id }
announce-button-cancel-id = ⏹ إلغاء رقم { $id }
announce-approved = تمت الموافقة على الإعلان رقم { $id }: سيُرسل في { $when } إلى { $count } مستلم.
announce-rejected = رُفض الإعلان رقم { $id } ولن يُرسل.
announce-own = أنت كاتب هذا الإعلان، لذا يجب أن يوافق عليه مسؤول آخر.
announce-cancelled = أُلغي الإعلان رقم { $id }.
announce-acknowledge = ✅ تم الاطلاع
announce-acknowledged = ✔️ تم تأكيد الاطلاع
announce-ack-thanks = شكرًا لك، تم التسجيل.
announcements-title = الإعلانات الأخيرة
announcements-none = لا توجد إعلانات بعد. استخدم /announce لكتابة إعلان.
announcements-line = رقم { $id } · { $status } · { $audience }
announcements-counts = أُرسل { $sent } من { $total } · قيد الانتظار { $pending } · تعذّر { $failed } · لا يمكن الوصول إليهم { $unreachable } · غير مؤكد { $unconfirmed } · تأكيدات الاطلاع { $acknowledged }
announcements-failure = تعذّر الإرسال: { $reason } ({ $count })
announcements-refresh = 🔄 تحديث
announcement-status-draft = مسودة
announcement-status-approval = بانتظار الموافقة
announcement-status-scheduled = مجدول في { $when }
announcement-status-sending = قيد الإرسال
announcement-status-done = اكتمل
announcement-status-cancelled = أُلغي
announcement-status-rejected = رُفض
announce-report = اكتمل إرسال الإعلان رقم { $id }.
announce-report-cancelled = أُلغي الإعلان رقم { $id } أثناء إرساله.
