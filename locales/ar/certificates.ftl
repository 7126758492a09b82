## الاختبار النهائي والشهادات والساعة الأولى للمتدرب (issue 10).

## عرض الدورة: ما تتطلبه الدورة وما يتطلبه اختبارها النهائي
course-length = { $lessons -> 
    [one] درس واحد
    [two] درسان
    [few] { $lessons } دروس
    [many] { $lessons } درسًا
   *[other] { $lessons } درس
 } · نحو { $minutes -> 
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
 } من الدراسة
course-final-quiz = الاختبار النهائي: { $count -> 
    [one] سؤال واحد
    [two] سؤالان
    [few] { $count } أسئلة
    [many] { $count } سؤالًا
   *[other] { $count } سؤال
 }، ودرجة النجاح { $percent }%.
course-final-after-lessons = يُفتح الاختبار بعد إتمام جميع الدروس.
course-final-retakes = { $count -> 
    [one] بعد أي محاولة غير ناجحة
    [two] بعد محاولتين متتاليتين غير ناجحتين
    [few] بعد { $count } محاولات متتالية غير ناجحة
    [many] بعد { $count } محاولة متتالية غير ناجحة
   *[other] بعد { $count } محاولة متتالية غير ناجحة
 }، يجب الانتظار { $hours -> 
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
 } قبل المحاولة مجددًا.
course-certificate-valid = تظل الشهادة صالحة لمدة { $months -> 
    [one] شهر واحد
    [two] شهرين
    [few] { $months } أشهر
    [many] { $months } شهرًا
   *[other] { $months } شهر
 }.

## الاختبار النهائي: القواعد قبل السؤال الأول، وأسباب الرفض
quiz-rules-questions = { $count -> 
    [one] سؤال واحد يُسحب
    [two] سؤالان يُسحبان
    [few] { $count } أسئلة تُسحب
    [many] { $count } سؤالًا تُسحب
   *[other] { $count } سؤال تُسحب
 } من مجموعة تضم { $pool } سؤالًا، وتأتي كل محاولة جديدة بأسئلة مختلفة.
quiz-rules-questions-all = { $count -> 
    [one] سؤال واحد.
    [two] سؤالان.
    [few] { $count } أسئلة.
    [many] { $count } سؤالًا.
   *[other] { $count } سؤال.
 }
quiz-rules-pass-mark = درجة النجاح: { $percent }%.
quiz-rules-time-limit = الوقت المتاح: { $minutes -> 
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
 }، تُحتسب من السؤال الأول.
quiz-rules-no-time-limit = لا يوجد حد زمني.
quiz-rules-attempts-left = { $count -> 
    [zero] لم تتبقَّ لك أي محاولة قبل فترة الانتظار.
    [one] تتبقى لك محاولة واحدة قبل فترة الانتظار.
    [two] تتبقى لك محاولتان قبل فترة الانتظار.
    [few] تتبقى لك { $count } محاولات قبل فترة الانتظار.
    [many] تتبقى لك { $count } محاولة قبل فترة الانتظار.
   *[other] تتبقى لك { $count } محاولة قبل فترة الانتظار.
 }
quiz-rules-feedback-end = ستطّلع على نتائجك والتوضيحات في النهاية، لا بعد كل إجابة.
quiz-rules-feedback-each = ستعرف بعد كل إجابة ما إذا كانت صحيحة، مع توضيحها.
quiz-begin = ◀️ بدء الاختبار النهائي
quiz-lessons-first = { $count -> 
    [one] يُفتح الاختبار النهائي بعد إتمام جميع الدروس: يتبقى لك درس واحد.
    [two] يُفتح الاختبار النهائي بعد إتمام جميع الدروس: يتبقى لك درسان.
    [few] يُفتح الاختبار النهائي بعد إتمام جميع الدروس: تتبقى لك { $count } دروس.
    [many] يُفتح الاختبار النهائي بعد إتمام جميع الدروس: يتبقى لك { $count } درسًا.
   *[other] يُفتح الاختبار النهائي بعد إتمام جميع الدروس: يتبقى لك { $count } درس.
 }

## الإجابة
quiz-option-letters = أ ب ج د هـ و ز ح ط ي ك ل
quiz-your-answer = إجابتك:
quiz-answer-recorded = تم تسجيل الإجابة: { $answer }
quiz-certificate-follows = ستجد شهادتك أدناه.
quiz-certificate-held = لديك بالفعل شهادة هذه الدورة: راجع /certificates.
quiz-your-answers = إجاباتك:
quiz-review-chosen = إجابتك: { $answer }
quiz-review-unanswered = لم تتم الإجابة.
quiz-review-right = الإجابة الصحيحة: { $answer }

## الشهادة (PDF)
certificate-issuer = { $organisation } · { $bot }
certificate-statement = تشهد هذه الشهادة بأن
certificate-holder-unnamed = حامل هذه الشهادة
certificate-achievement = أتمّ الدروس الـ{ $lessons } ونجح في التقييم النهائي بدرجة { $percent }% (درجة النجاح { $pass }%) في الدورة التدريبية
certificate-achievement-assessment = نجح في التقييم النهائي بدرجة { $percent }% (درجة النجاح { $pass }%) في الدورة التدريبية
certificate-course = { $course } · { $minutes } دقيقة من الدراسة
certificate-issued = صدرت بتاريخ { $date }
certificate-issued-valid-until = صدرت بتاريخ { $date } · صالحة حتى { $expires }
certificate-personnel-id = الرقم الوظيفي: { $id }

## /certificates
certificates-title = شهاداتك
certificates-none = ليست لديك أي شهادة بعد. أتمم دورة وانجح في اختبارها النهائي للحصول على شهادة.
certificates-line = { $course }: { $code }، صدرت بتاريخ { $date } ({ $status })
certificates-valid = صالحة
certificates-valid-until = صالحة حتى { $date }
certificates-expired = انتهت صلاحيتها في { $date }
certificates-revoked = ملغاة
certificates-get = 📄 { $course }
command-certificates = شهاداتك، وإعادة إرسالها عند الطلب

## /verify
verify-invite-code = هذا رمز دعوة: أرسله كرسالة عادية (من دون /verify) لإتمام التحقق من هويتك.
verify-expired-on = ⌛ انتهت صلاحية الشهادة { $code } («{ $course }»، الصادرة بتاريخ { $date }) في { $expired }.
verify-valid-until = صالحة حتى { $date }.

## التحقق من الهوية
verify-typed-phone = يرجى الضغط على زر «مشاركة رقم هاتفي» أدناه: الرقم المكتوب يدويًا لا يُثبت أنه رقمك.
verify-already = تم التحقق من هويتك بالفعل. استخدم القائمة أدناه.
verify-withdrawn = تم سحب صلاحية وصولك: لم تعد مدرجًا في قائمة الموظفين المعتمدين. يرجى التواصل مع { $contact }. إذا أُعيد إدراجك في القائمة، فتحقق من هويتك مجددًا بالزر أدناه.
access-contact-default = مسؤول التدريب

## /help للمسؤولين والمديرين
help-managing =
    إدارة الدورات:
    /stats — أرقام كل دورة
    /export — تقدم كل متدرب (CSV)
    /invite الرقم_الوظيفي — رمز دعوة لقيد في القائمة
    /unbind الرقم_الوظيفي — فك ارتباط قيد بحساب
    /conflicts — القيود التي طالب بها حساب ثانٍ
    /revoke_certificate الرمز — إلغاء شهادة
    /console — رابط تسجيل الدخول إلى وحدة التحكم على الويب
    /assign — إسناد دورة إلى دفعة مع موعد نهائي
    /assignments — الدورات المسندة إلى الدفعات
    /announce — كتابة إعلان إلى المتدربين
    /announcements — الإعلانات الأخيرة وحالة توصيلها
    أرسل ملف .csv لاستبدال قائمة الموظفين المعتمدين.
help-administering =
    إدارة النظام:
    /grant_manager معرّف_المستخدم — تعيين حساب مسؤولًا عن التدريب
    /revoke_manager معرّف_المستخدم — سحب دور مسؤول التدريب

## /stats
stats-started = { $count -> 
    [zero] لم يبدأ أحد الدورة
    [one] بدأ الدورة متدرب واحد
    [two] بدأ الدورة متدربان
    [few] بدأ الدورة { $count } متدربين
    [many] بدأ الدورة { $count } متدربًا
   *[other] بدأ الدورة { $count } متدرب
 }
stats-completed = { $count -> 
    [zero] لم يُتم أحد جميع الدروس
    [one] أتمّ جميع الدروس متدرب واحد
    [two] أتمّ جميع الدروس متدربان
    [few] أتمّ جميع الدروس { $count } متدربين
    [many] أتمّ جميع الدروس { $count } متدربًا
   *[other] أتمّ جميع الدروس { $count } متدرب
 }
stats-attempted = { $count -> 
    [zero] لم يخضع أحد للاختبار النهائي
    [one] خضع للاختبار النهائي متدرب واحد
    [two] خضع للاختبار النهائي متدربان
    [few] خضع للاختبار النهائي { $count } متدربين
    [many] خضع للاختبار النهائي { $count } متدربًا
   *[other] خضع للاختبار النهائي { $count } متدرب
 }
stats-passed = { $count -> 
    [zero] لم ينجح فيه أحد
    [one] نجح فيه متدرب واحد
    [two] نجح فيه متدربان
    [few] نجح فيه { $count } متدربين
    [many] نجح فيه { $count } متدربًا
   *[other] نجح فيه { $count } متدرب
 }
stats-pass-rate = نسبة النجاح: { $rate }
stats-average-best = متوسط أفضل درجة حققها كل متدرب في الاختبار النهائي: { $average }
