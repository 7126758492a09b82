# وحدة التحكم على الويب لمسؤولي التدريب، تُفتح بالأمر /console من المحادثة.
command-console = فتح وحدة التحكم على الويب لمسؤولي التدريب
console-link =
    هذا رابطك إلى وحدة تحكم مسؤولي التدريب. يعمل مرة واحدة فقط، خلال { $minutes } دقائق، ولحسابك وحده؛ فلا تعِد توجيهه إلى أحد.
console-unavailable = وحدة التحكم على الويب غير مفعّلة في هذا البوت: يجب أن يحدد المسؤول منفذ الويب (web_port) وعنوان وحدة التحكم (console_base_url).

## التخطيط والتنقل
console-name = وحدة تحكم learnbot
console-skip = الانتقال إلى المحتوى
console-nav = أقسام وحدة التحكم
console-nav-overview = نظرة عامة
console-nav-officers = الأفراد
console-nav-personnel = قائمة الأفراد
console-nav-certificates = الشهادات
console-nav-announcements = الإعلانات
console-nav-content = المحتوى
console-nav-audit = سجل التدقيق
console-nav-roles = الأدوار
console-language = اللغة
console-language-apply = تغيير
console-sign-out = تسجيل الخروج
console-pages = الصفحات
console-page-previous = → السابقة
console-page-next = التالية ←
console-page-of = الصفحة { $number } من { $pages }
console-none = –
console-yes = نعم
console-percent = { $value }٪
console-search = بحث
console-filter-country = البلد
console-filter-all = الكل
console-filter-cohort = الدفعة
console-refresh = تحديث
console-filter-apply = تطبيق
console-nothing-found = لم يُعثر على أي نتيجة.
console-export-csv = التصدير بصيغة CSV
console-cancel = إلغاء

## تسجيل الدخول والخروج
console-sign-in-title = تسجيل الدخول إلى وحدة التحكم
console-sign-in-explained = أرسل إليك learnbot هذا الرابط في تيليجرام. يتيح لك تسجيل الدخول مرة واحدة في هذا المتصفح، وتنتهي الجلسة عند تسجيل الخروج أو بعد بضع ساعات من عدم النشاط.
console-sign-in = تسجيل الدخول
console-link-title = لا يمكن استخدام هذا الرابط
console-link-used = سبق استخدام رابط تسجيل الدخول هذا. كل رابط يعمل مرة واحدة فقط.
console-link-expired = انتهت صلاحية رابط تسجيل الدخول هذا.
console-link-unknown = رابط تسجيل الدخول هذا غير صالح. يرجى التأكد من نسخه كاملًا.
console-link-not-manager = هذا الرابط يخص حسابًا لم يعد مسؤولًا عن التدريب.
console-how-to-sign-in = لفتح وحدة التحكم، أرسل /console إلى بوت learnbot في تيليجرام وافتح الرابط الذي يرسله إليك.
console-signed-out-title = لم تسجّل الدخول
console-why-missing = يجب تسجيل الدخول لعرض هذه الصفحة.
console-why-signed-out = لقد سجّلت الخروج.
console-why-idle = انتهت جلستك بعد { $hours } ساعات من عدم النشاط.
console-why-role = انتهى وصولك إلى وحدة التحكم: لم يعد حسابك مسؤولًا عن التدريب.

## الأخطاء
console-error-title = حدث خطأ ما
console-error-csrf = انتهت صلاحية هذا النموذج أو لم يصدر عن وحدة التحكم، لذا لم يتم تغيير أي شيء. يرجى الرجوع وإعادة تحميل الصفحة والمحاولة مرة أخرى.
console-error-forbidden = هذه الصفحة مخصصة للمسؤولين عن النظام.
console-error-not-found = لا يوجد شيء على هذا العنوان.
console-error-too-large = الملف كبير جدًا (الحد الأقصى { $limit } ميغابايت).
console-error-internal = حدث خطأ من جهتنا ولم يتم تغيير أي شيء. يرجى المحاولة مرة أخرى بعد دقيقة.
console-back-to-overview = العودة إلى النظرة العامة

## النظرة العامة
console-overview-title = نظرة عامة
console-figure-verified = أفراد تم التحقق منهم
console-figure-active = نشطون خلال الأيام السبعة الماضية
console-figure-lessons-week = دروس مكتملة هذا الأسبوع
console-courses-title = الدورات
console-column-course = الدورة
console-column-started = بدأوها
console-column-completed = أكملوها
console-column-quiz-takers = أدّوا الاختبار النهائي
console-column-pass-rate = نسبة النجاح
console-column-certificates = الشهادات السارية
console-chart-title = الدروس المكتملة أسبوعيًا (آخر { $weeks } أسبوعًا)
console-chart-description = عمود لكل أسبوع، من الأقدم على اليسار إلى الأسبوع الحالي على اليمين؛ والأرقام واردة أيضًا في الجدول أدناه.
console-chart-table = أرقام الرسم البياني في جدول
console-column-week = الأسبوع الذي يبدأ في
console-column-lessons = الدروس المكتملة

## الأفراد
console-officers-title = الأفراد
console-search-officers = الاسم أو معرّف الفرد
console-officers-count = عدد القيود في القائمة: { $count }
console-column-name = الاسم
console-column-personnel-id = معرّف الفرد
console-column-country = البلد
console-column-cohorts = الدفعات
console-column-language = اللغة
console-column-last-active = آخر نشاط
console-column-progress = التقدم في الدورات
console-not-verified = لم يتم التحقق بعد
console-course-progress = { $course }: { $done } من { $total } دروس
console-back-to-officers = → جميع الأفراد
console-column-list-role = الدور في القائمة
console-role-manager = مسؤول تدريب
console-role-officer = فرد
console-column-expires = القيد صالح حتى
console-column-verified = تاريخ التحقق
console-column-reachable = يمكن الوصول إليه عبر تيليجرام
console-unreachable-since = لا: حظر البوت في { $since }
console-actions = الإجراءات
console-unbind = إلغاء ربط الحساب
console-unbind-hint = يحرر هذا القيد كي يتمكن الفرد من إعادة التحقق، على سبيل المثال من هاتف جديد.
console-invite = إنشاء رمز دعوة
console-invite-hint = رمز يُستخدم مرة واحدة لفرد لا يستطيع التحقق برقم هاتفه.
console-invite-created = رمز الدعوة صالح حتى { $expires } لاستخدام واحد فقط. يرجى تسليمه إلى الفرد يدًا بيد أو عبر قناة آمنة؛ فلن يُعرض إلا الآن.
console-role-grant = منح هذا الحساب دور مسؤول التدريب
console-role-withdraw = سحب دور مسؤول التدريب الممنوح
console-role-hint = للمسؤولين عن النظام فقط. الدور المحدد في القائمة لا يتغير إلا بقائمة جديدة.
console-role-granted = أصبح هذا الحساب مسؤولًا عن التدريب.
console-role-revoked = تم سحب دور مسؤول التدريب الممنوح.
console-progress-title = التقدم في كل دورة
console-no-progress = لم يبدأ أي درس بعد.
console-attempts-title = محاولات الاختبارات
console-column-started-at = البداية
console-column-quiz = الاختبار
console-column-score = الدرجة
console-column-result = النتيجة
console-quiz-final = الاختبار النهائي: { $course }
console-quiz-lesson = اختبار الدرس: { $course }
console-quiz-review = مراجعة
console-unfinished = لم يكتمل
console-finished = اكتمل
console-passed = ناجح
console-failed = غير ناجح
console-no-attempts = لا توجد محاولات اختبار بعد.
console-no-certificates = لا توجد شهادات.

## قائمة الأفراد
console-personnel-title = قائمة الأفراد المعتمدين
console-personnel-count = عدد القيود في القائمة: { $count }
console-personnel-download = تنزيل القائمة الحالية (CSV)
console-personnel-download-hint = لا يتضمن الملف المنزَّل أرقام الهواتف ولا عناوين البريد الإلكتروني، إذ لا يحتفظ learnbot إلا بصيغ مجزأة غير قابلة للقراءة منها.
console-personnel-upload-title = استبدال القائمة
console-personnel-upload-hint = ارفع القائمة الكاملة في ملف CSV كما كنت سترسلها إلى البوت. ستطّلع على التغييرات قبل استبدال أي شيء.
console-personnel-file = ملف CSV (الحد الأقصى { $limit } ميغابايت)
console-personnel-check = فحص الملف
console-personnel-preview-title = مراجعة التغييرات
console-preview-added = المضافة
console-preview-updated = المحدثة
console-preview-removed = المحذوفة
console-import-stale = سبق تأكيد هذا الرفع أو إلغاؤه.

## الشهادات
console-certificates-title = الشهادات
console-search-certificates = الرمز أو الاسم
console-certificates-count = عدد الشهادات: { $count }
console-column-code = الرمز
console-column-holder = الحاصل عليها
console-column-issued = تاريخ الإصدار
console-column-status = الحالة
console-valid = سارية
console-revoked = ملغاة
console-revoked-on = أُلغيت في { $date }
console-revoke = إلغاء…
console-revoke-title = إلغاء الشهادة { $code }
console-revoke-reason = السبب (يُحفظ مع الشهادة وفي سجل التدقيق)
console-revoke-confirm = إلغاء الشهادة
console-revoke-reason-needed = يرجى ذكر سبب لإلغاء الشهادة.

## المحتوى
console-content-title = المحتوى
console-content-hint = كل دورة بكل لغة، بطاقةً بطاقة كما يراها الأفراد في تيليجرام، مع الاختبارات وإجاباتها.
console-content-size = عدد الدروس: { $lessons }، عدد أسئلة الاختبارات: { $questions }
console-content-language = العرض باللغة
console-back-to-content = → جميع الدورات
console-lesson-check = اختبار الدرس
console-final-quiz = الاختبار النهائي (عدد الأسئلة في بنك الأسئلة: { $count })
console-correct-answer = الإجابة الصحيحة

## سجل التدقيق
console-audit-title = سجل التدقيق
console-audit-hint = يظهر الأشخاص بمعرّفات مجزأة غير قابلة للقراءة؛ مرّر المؤشر فوق أحدها لعرضه كاملًا.
console-audit-action = الإجراء
console-audit-from = من
console-audit-to = إلى
console-audit-count = عدد القيود: { $count }
console-column-when = الوقت
console-column-actor = المنفِّذ
console-column-subject = المعني
console-column-detail = التفاصيل

## الأدوار
console-roles-title = الأدوار
console-roles-hint = مسؤولو التدريب بموجب القائمة أو بمنح من أحد المسؤولين عن النظام. أما المسؤولون عن النظام ({ $admins }) فتحددهم إعدادات البوت.
console-column-why-manager = مسؤول بموجب
console-manager-by-list = القائمة
console-manager-granted = منح من مسؤول النظام

## الإعلانات
console-announcements-title = الإعلانات
console-announcements-new = كتابة إعلان
console-announcements-none = لا توجد إعلانات بعد.
console-announcements-awaiting = بانتظار موافقة مسؤول تدريب ثانٍ
console-announcements-recent = الإعلانات الأخيرة
console-announcement-title = الإعلان رقم { $id }
console-announcement-own = (إعلانك)
console-announcement-waiting-own = أنت كاتب هذا الإعلان، لذا يجب أن يوافق عليه مسؤول آخر أو يرفضه.
console-announcement-approve = الموافقة
console-announcement-reject = الرفض
console-announcement-cancel = إلغاء هذا الإعلان
console-announcement-cancel-hint = لن تُرسل أبدًا النسخ التي لم تُرسل بعد.
console-announcement-created = تاريخ الكتابة
console-announcement-starts = موعد الإرسال
console-announcement-zone = الأوقات معروضة حسب
console-announcement-as-sent = الرسالة كما يتلقاها الأفراد
console-announcement-media-photo = 📷 صورة مع هذا التعليق (يمكن رؤيتها بالأمر /announcements في المحادثة)
console-announcement-media-document = 📄 مستند مع هذا التعليق (يمكن رؤيته بالأمر /announcements في المحادثة)
console-back-to-announcements = → جميع الإعلانات
console-column-number = الرقم
console-column-audience = الفئة المستهدفة
console-column-recipients = المستلمون
console-column-sent = أُرسلت
console-column-pending = قيد الانتظار
console-column-failed = تعذّر إرسالها
console-column-unreachable = لا يمكن الوصول إليهم
console-column-unconfirmed = غير مؤكدة
console-column-acknowledged = تأكيدات الاطلاع
console-report-title = تقرير التسليم
console-report-live = تتحدث هذه الأرقام تلقائيًا ما دام الإعلان قيد الإرسال.
console-report-final = أرقام نهائية. الأفراد الذين لا يمكن الوصول إليهم حظروا البوت؛ والنسخ غير المؤكدة انقطع إرسالها وربما لم تصل.
console-compose-title = كتابة إعلان
console-compose-text = نص الرسالة
console-compose-text-hint = **الخط العريض** بين نجمتين، و_الخط المائل_ بين شرطتين سفليتين، والروابط بالشكل [النص](https://…). الحد الأقصى 4096 حرفًا.
console-compose-media-hint = لإرسال صورة أو مستند، استخدم الأمر /announce في المحادثة.
console-compose-audience = الفئة المستهدفة
console-compose-audience-hint = تتراكم عوامل التصفية؛ ومن دونها يصل الإعلان إلى جميع الأفراد الذين تم التحقق من هويتهم.
console-filter-course = الدورة
console-filter-completion = في الدورة المختارة
console-filter-language = اللغة
console-compose-acknowledge = إضافة زر «تم الاطلاع»
console-compose-approval-rule = لا يُرسل الإعلان الموجّه إلى جميع الأفراد الذين تم التحقق من هويتهم، أو إلى أكثر من { $limit } مستلم، إلا بعد موافقة مسؤول تدريب ثانٍ.
console-compose-update = تحديث المعاينة
console-compose-send = الإرسال الآن
console-compose-schedule-title = أو جدولة الإرسال
console-compose-when = التاريخ والوقت (حسب منطقتك الزمنية: { $zone })
console-compose-schedule = جدولة
console-compose-discard = تجاهل المسودة
console-compose-preview = كما سيراه الأفراد في تيليجرام
console-compose-placeholder = ستظهر رسالتك هنا.
console-compose-problem-text = اكتب نص الرسالة أولًا.
console-compose-problem-long = تتكون الرسالة من { $length } حرفًا، بينما لا يقبل تيليجرام أكثر من { $limit }.
console-compose-problem-link = يجب أن يبدأ الرابط { $url } بـ https://.
console-compose-problem-choice = أحد خيارات الفئة المستهدفة لم يعد متاحًا. يرجى الاختيار من جديد.
console-compose-problem-when = اختر تاريخًا ووقتًا في المستقبل (حسب منطقتك الزمنية: { $zone }).
console-notice-sending = { $count ->
    [one] يجري إرساله الآن إلى مستلم واحد.
    [two] يجري إرساله الآن إلى مستلمَين.
    [few] يجري إرساله الآن إلى { $count } مستلمين.
    [many] يجري إرساله الآن إلى { $count } مستلمًا.
   *[other] يجري إرساله الآن إلى { $count } مستلم.
} تتابع هذه الصفحة تسليمه.
console-notice-scheduled = { $count ->
    [one] سيُرسل في { $when } إلى مستلم واحد.
    [two] سيُرسل في { $when } إلى مستلمَين.
    [few] سيُرسل في { $when } إلى { $count } مستلمين.
    [many] سيُرسل في { $when } إلى { $count } مستلمًا.
   *[other] سيُرسل في { $when } إلى { $count } مستلم.
} ويمكن إلغاؤه حتى ذلك الحين.
console-notice-awaiting = عدد مستلمي هذا الإعلان { $count }، لذا يجب أن يوافق عليه مسؤول تدريب ثانٍ. { $asked ->
    [0] تعذّر إبلاغ أي مسؤول آخر في المحادثة؛ وسيجدونه هنا.
    [one] طُلبت الموافقة من مسؤول واحد في المحادثة.
    [two] طُلبت الموافقة من مسؤولَين في المحادثة.
    [few] طُلبت الموافقة من { $asked } مسؤولين في المحادثة.
    [many] طُلبت الموافقة من { $asked } مسؤولًا في المحادثة.
   *[other] طُلبت الموافقة من { $asked } مسؤول في المحادثة.
}
