## learnbot interface strings: Arabic (translated from en/learnbot.ftl, the reference locale).
## Every message here must exist in ar, es and fr with the same variables.
## Messages are plain text: the bot escapes them before adding Telegram formatting.

-bot-name = learnbot

## Language names, each written in its own language (shown on the language picker).
language-name-ar = العربية
language-name-en = English
language-name-es = Español
language-name-fr = Français

## /start and the main menu
welcome =
    مرحبًا بك، { $name }!
    أنا { -bot-name }، مساعدك للتدريب على القدرات الشرطية للإنتربول.
    يمكنك الدراسة على فترات قصيرة: قراءة بطاقات موجزة، ثم المتابعة من حيث توقفت تمامًا.
menu-title = بم يمكنني مساعدتك؟
menu-courses = 📚 الدورات
menu-continue = ▶️ متابعة
menu-language = 🌐 اللغة
menu-help = ❓ المساعدة

## /help
help =
    إليك ما يمكنك القيام به:
    /start — الترحيب والقائمة الرئيسية
    /courses — تصفح الدورات
    /continue — الانتقال إلى الدرس التالي
    /review — الإجابة عن الأسئلة المستحقة للمراجعة
    /certificates — شهاداتك، وإعادة إرسالها عند الطلب
    /reminders — تذكيرات الدراسة: تشغيلها أو إيقافها، والوقت، والمنطقة الزمنية، وساعات الهدوء
    /verify الرمز — التحقق من رمز شهادة
    /language — تغيير اللغة
    /mydata — عرض البيانات المحفوظة عنك
    /deleteme — حذف حسابك وسجل تقدمك
    /help — عرض هذه المساعدة
    داخل الدرس، يمكنك استخدام زري «التالي» و«رجوع» أسفل كل بطاقة.

## Command descriptions shown in Telegram's command menu (at most 256 characters each)
command-start = الترحيب والقائمة الرئيسية
command-courses = تصفح الدورات
command-continue = المتابعة من حيث توقفت
command-language = تغيير اللغة
command-help = ما يمكنني القيام به

## /language
language-prompt = يرجى اختيار اللغة:
language-changed = تم اختيار اللغة العربية.

## Catalogue and courses
catalogue-title = الدورات
catalogue-empty = لا تتوفر أي دورة حتى الآن.
course-progress = الدروس المكتملة: { $done } من { $total }
course-lesson-done = ✅ { $title }
course-lesson-todo = ▫️ { $title }
course-start = ▶️ بدء
course-resume = ▶️ استئناف
course-restart = 🔁 البدء من جديد
back-to-catalogue = ▶️ جميع الدورات

## Lesson cards
card-position = الدرس { $lesson } من { $lessons } · البطاقة { $card } من { $cards }
card-next = التالي ◀️
card-back = ▶️ رجوع
card-next-lesson = الدرس التالي ◀️
card-finish = إنهاء ✅
card-menu = ☰ القائمة
course-finished =
    لقد أكملت جميع دروس «{ $course }». أحسنت!
continue-nothing = لا توجد لديك أي دورة قيد الدراسة حتى الآن. يرجى اختيار دورة للبدء:

## Answers to what the bot does not understand
unknown-command = لا أعرف الأمر { $command }. يرجى إرسال /help لمعرفة ما يمكنني القيام به.
unknown-text = لم أفهم ذلك. يرجى استخدام القائمة أدناه أو إرسال /help.
unsupported-media = يمكنني قراءة الرسائل النصية والأزرار فقط. يرجى استخدام القائمة أدناه أو إرسال /help.
edited-message = لاحظت أنك عدلت رسالة؛ لكنني لا أقرأ إلا الرسائل الجديدة. يرجى إعادة إرسالها إن لزم الأمر.
stale-button = لم يعد هذا الزر صالحًا. إليك القائمة.
error-generic = حدث خطأ من جهتي. يرجى المحاولة مرة أخرى بعد قليل.

## Verification (access to course material)
verify-needed =
    محتوى الدورات مخصص حصرًا لأفراد أجهزة إنفاذ القانون المعتمدين.
    يكفي التحقق مرة واحدة بإحدى الطريقتين التاليتين:
    1. الضغط على زر «مشاركة رقم هاتفي» أدناه، إذا كان رقمك مدرجًا في قائمة الأفراد المعتمدين.
    2. أو إرسال رمز الدعوة الذي زودك به مسؤول التدريب (على سبيل المثال: IN-ABCD-EFGH-JKMN-PQRS).
verify-lapsed = انتهت صلاحية التحقق من هويتك. يرجى إعادة التحقق للمتابعة.
verify-expired = انتهت صلاحية وصولك وفقًا لقائمة الأفراد المعتمدين. يرجى التواصل مع مسؤول التدريب.
verify-share-phone = 📱 مشاركة رقم هاتفي
verify-success = ✅ شكرًا لك، تم التحقق من هويتك. أصبحت جميع الدورات متاحة لك.
verify-foreign-contact = لا يُقبل إلا رقم هاتفك الخاص: يرجى استخدام زر «مشاركة رقم هاتفي» بدلًا من إرسال جهة اتصال.
verify-not-on-list = رقم الهاتف هذا غير مدرج في قائمة الأفراد المعتمدين. يرجى طلب رمز دعوة من مسؤول التدريب.
verify-invalid-code = رمز الدعوة هذا غير صالح: ربما أُدخل بشكل خاطئ، أو سبق استخدامه، أو انتهت صلاحيته.
verify-conflict = هذا القيد في قائمة الأفراد المعتمدين مرتبط بالفعل بحساب آخر على تيليجرام. تم إبلاغ مسؤول التدريب لمعالجة الأمر.
verify-cooling-down = تم تجاوز الحد المسموح به من المحاولات غير الناجحة. يرجى المحاولة مرة أخرى بعد الساعة { $time } (بتوقيت UTC).

## Roles and manager commands
role-required = هذا الأمر مخصص لمسؤولي التدريب.
admin-required = يتطلب هذا الأمر صلاحيات إدارية.
command-invite = إنشاء رمز دعوة لقيد في القائمة
command-unbind = إلغاء ربط قيد في القائمة بحساب
command-conflicts = عرض القيود التي طالب بها حساب ثانٍ
command-grant-manager = منح حساب دور مسؤول التدريب
command-revoke-manager = سحب دور مسؤول التدريب
command-mydata = عرض البيانات المحفوظة عنك
command-deleteme = حذف حسابك وسجل تقدمك
invite-usage = يرجى إرسال /invite متبوعًا بمعرف الفرد، على سبيل المثال: /invite FR-0001
invite-created =
    رمز الدعوة للقيد { $personnel }: { $code }
    صالح حتى { $expires } (بتوقيت UTC) لاستخدام واحد فقط. يرجى تسليمه يدًا بيد إلى الشخص المعني أو إرساله عبر قناة آمنة.
personnel-unknown = القيد { $personnel } غير موجود في قائمة الأفراد المعتمدين.
unbind-usage = يرجى إرسال /unbind متبوعًا بمعرف الفرد، على سبيل المثال: /unbind FR-0001
unbind-done = لم يعد القيد { $personnel } مرتبطًا بأي حساب؛ ويمكن للشخص المعني إعادة التحقق.
unbind-nothing = القيد { $personnel } غير مرتبط بأي حساب.
conflicts-none = لا توجد تعارضات في الربط.
conflicts-list = القيود التي طالب بها حساب ثانٍ (يمكنك استخدام /unbind لإلغاء ربط أي منها):
role-usage = يرجى إرسال الأمر متبوعًا بمعرف مستخدم على تيليجرام، على سبيل المثال: /grant_manager 123456789
role-granted = تم منح الحساب { $account } دور مسؤول التدريب.
role-revoked = تم سحب دور مسؤول التدريب من الحساب { $account }.
role-unknown-account = لم يستخدم الحساب { $account } البوت حتى الآن.

## Importing the approved-personnel list as a file
import-rejected = تم رفض القائمة ولم يتم إجراء أي تغيير. المشكلات المكتشفة ({ $count }):
import-more-problems = … ومشكلات أخرى عددها { $count }.
import-preview = ستحل هذه القائمة محل القائمة الحالية. القيود المضافة: { $added }، المحدثة: { $updated }، المحذوفة: { $removed }، دون تغيير: { $unchanged }.
import-confirm = ✅ تأكيد
import-cancel = ✖️ إلغاء
import-done = تم استبدال قائمة الأفراد المعتمدين. القيود المضافة: { $added }، المحدثة: { $updated }، المحذوفة: { $removed }، دون تغيير: { $unchanged }.
import-cancelled = تم إلغاء الاستيراد ولم يتم إجراء أي تغيير.
import-not-csv = يرجى إرسال قائمة الأفراد المعتمدين في ملف بصيغة CSV.
import-too-large = هذا الملف كبير جدًا بالنسبة إلى قائمة أفراد (الحد الأقصى { $limit } ميغابايت).

## Personal data
mydata-caption = جميع البيانات التي يحفظها learnbot عنك.
deleteme-confirm = سيؤدي هذا الإجراء إلى مسح حسابك وسجل تقدمك وإجاباتك. ولن يتبقى سوى قيود سجل التدقيق ذات المعرفات غير القابلة للقراءة (المحولة بدالة تجزئة). يرجى تأكيد رغبتك في المتابعة.
deleteme-yes = 🗑 نعم، حذف كل شيء
deleteme-no = الاحتفاظ بحسابي
deleteme-done = تم مسح حسابك وسجل تقدمك. يمكنك إرسال /start إذا رغبت في البدء من جديد في أي وقت.
deleteme-kept = لم يتم حذف أي شيء.

## Quizzes
menu-review = 🔁 المراجعة (أسئلة مستحقة: { $count })
command-review = مراجعة الأسئلة المستحقة
command-verify = التحقق من رمز شهادة
command-stats = إحصاءات الدورات
command-export = تقدم كل متدرب ومتدربة (CSV)
command-revoke-certificate = إلغاء شهادة
lesson-check = ✅ اختبار الفهم
final-quiz = 📝 الاختبار النهائي
quiz-title-lesson = اختبار قصير للدرس
quiz-title-final = الاختبار النهائي: { $course }
quiz-title-review = المراجعة
quiz-progress = السؤال { $number } من { $total }
quiz-choose-several = يرجى تحديد جميع الإجابات الصحيحة، ثم الضغط على «إرسال».
quiz-submit = إرسال ✅
quiz-true = صحيح
quiz-false = خطأ
quiz-correct = ✅ إجابة صحيحة.
quiz-wrong = ❌ الإجابة ليست صحيحة تمامًا.
quiz-answer-was = الإجابة الصحيحة:
quiz-explanation = التوضيح: { $text }
quiz-next = السؤال التالي ◀️
quiz-lesson-result = الإجابات الصحيحة: { $correct } من { $total }.
quiz-final-score = النتيجة: { $correct } من { $total } ({ $percent }%). درجة النجاح: { $pass }%.
quiz-passed = 🎉 لقد نجحت.
quiz-failed = لم يحالفك النجاح هذه المرة.
quiz-time-up = ⏱ انتهى الوقت: تُحتسب الأسئلة غير المجاب عنها إجابات خاطئة.
quiz-to-review = للمراجعة:
quiz-review-later = ستُعرض عليك الأسئلة التي أخطأت فيها مجددًا في /review.
quiz-review-done = اكتملت المراجعة. الإجابات الصحيحة: { $correct } من { $total }. تُجدول المراجعات التالية بحسب مدى معرفتك بكل إجابة.
quiz-retake-after = يمكنك إعادة الاختبار النهائي بعد { $time } (بتوقيت UTC).
quiz-no-attempts = لقد استنفدت جميع المحاولات المسموح بها لهذا الاختبار النهائي. يرجى التواصل مع مسؤول التدريب.
quiz-nothing-due = لا توجد أسئلة تستدعي المراجعة حاليًا. ستظهر هنا الأسئلة التي تجيب عنها في الاختبارات عندما يحين موعد مراجعتها.
quiz-time-limit = الحد الزمني (بالدقائق): { $minutes }.
quiz-stale = لم يعد هذا السؤال متاحًا.
quiz-poll-hint = يرجى الإجابة في الاستطلاع أعلاه، وسيليه السؤال التالي.
back-to-course = ▶️ العودة إلى الدورة

## Certificates
certificate-button = 📄 الشهادة
certificate-caption = الشهادة { $code }: { $course }
certificate-title = شهادة إتمام
certificate-code = رمز التحقق: { $code }
certificate-verify-hint = يمكن لأي شخص التحقق من هذه الشهادة بمسح الرمز، أو بإرسال ما يلي إلى { $bot }:
certificate-name-shown = يظهر اسمك لمن يتحقق من هذه الشهادة.
certificate-name-hidden = لا يظهر اسمك لمن يتحقق من هذه الشهادة.
certificate-show-name = 👁 إظهار اسمي عند التحقق
certificate-hide-name = 🙈 إخفاء اسمي
verify-usage = يرجى إرسال /verify متبوعًا برمز الشهادة، على سبيل المثال: /verify LB-ABCDE-12345
verify-valid = ✅ الشهادة { $code } صالحة: «{ $course }»، صادرة بتاريخ { $date }.
verify-valid-holder = حامل الشهادة: { $name }
verify-revoked = ⚠️ الشهادة { $code } («{ $course }»، الصادرة بتاريخ { $date }) ملغاة.
verify-unknown = لا توجد شهادة تحمل الرمز { $code }.
revoke-certificate-usage = يرجى إرسال /revoke_certificate متبوعًا برمز الشهادة.
revoke-certificate-done = أصبحت الشهادة { $code } ملغاة.
revoke-certificate-unknown = لا توجد شهادة صالحة تحمل الرمز { $code }.

## Statistics for managers
stats-none = –
stats-percent = { $value }%
stats-hardest = الأسئلة الأصعب (نسبة الإجابات الصحيحة فيها أقل من 100%):
stats-hard-question = نسبة الإجابات الصحيحة { $percent }% ({ $answered -> 
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $answered } إجابات
   *[other] { $answered } إجابة
 }): { $text }
export-caption = تقدم كل متدرب ومتدربة، بواقع صف واحد لكل دورة تم البدء فيها.
