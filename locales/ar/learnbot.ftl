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
    /start: الترحيب والقائمة الرئيسية
    /courses: تصفح الدورات
    /continue: المتابعة من حيث توقفت
    /language: تغيير اللغة
    /help: عرض هذه المساعدة
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
access-denied = لا يمكنك فتح الدروس قبل التحقق من هويتك.
