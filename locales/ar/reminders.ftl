# تذكيرات الدراسة: الأمر /reminders والتذكيرات نفسها وتنبيهات المراجعة.
command-reminders = تذكيرات الدراسة اليومية: الوقت والمنطقة الزمنية والإيقاف المؤقت
reminders-title = ⏰ تذكيرات الدراسة
reminders-state-on = التذكيرات اليومية مفعّلة، في الساعة { $time } ({ $zone }).
reminders-state-off = التذكيرات اليومية معطّلة.
reminders-state-paused = موقوفة مؤقتًا حتى { $date }.
reminders-every =
    تصلك التذكيرات حاليًا مرة كل { $days ->
        [two] يومين
       *[other] { $days } أيام
    } لأن التذكيرات الأخيرة لم تُتابَع، وتعود يومية بمجرد أن تدرس.
reminders-quiet = ساعات الهدوء: { $hours }.
reminders-quiet-none = لا توجد ساعات هدوء.
reminders-nudges-on = تنبيهات المراجعة: مفعّلة (رسالة فور استحقاق أسئلة للمراجعة).
reminders-nudges-off = تنبيهات المراجعة: معطّلة.
reminders-turn-off = 🔕 إيقاف التذكيرات
reminders-turn-on = 🔔 تفعيل التذكيرات
reminders-other-time = وقت آخر…
reminders-zone-button = 🌍 المنطقة الزمنية…
reminders-quiet-button = 🌙 ساعات الهدوء…
reminders-nudges-enable = 🔁 تفعيل تنبيهات المراجعة
reminders-nudges-disable = 🔁 إيقاف تنبيهات المراجعة
reminders-pause-button = ⏸ إيقاف مؤقت…
reminders-back = ▶️ رجوع
reminders-type-time = اكتب وقت التذكير، مثل 18:30.
reminders-bad-time = هذا ليس وقتًا صالحًا. اكتبه على نحو 18:30، أو أرسل أي أمر للخروج.
reminders-time-in-quiet = الساعة { $time } تقع ضمن ساعات الهدوء لديك ({ $hours }). اختر وقتًا آخر، أو غيّر ساعات الهدوء أولًا.
reminders-zone-choose = اختر منطقتك الزمنية:
reminders-zone-type-button = اكتب اسم مدينة…
reminders-zone-type = اكتب اسم مدينة أو اسم منطقة زمنية، مثل نيروبي أو America/Bogota.
reminders-zone-unknown = لا أعرف المكان «{ $text }». اكتب اسم مدينة كبيرة قريبة منك، أو اسم منطقة زمنية مثل Africa/Cairo.
reminders-quiet-choose = في أي ساعات يجب ألا تصل التذكيرات أبدًا؟
reminders-quiet-off = بلا ساعات هدوء
reminders-other-hours = ساعات أخرى…
reminders-quiet-type = اكتب ساعات الهدوء في صورة وقتين، مثل 22:00-06:30.
reminders-quiet-bad = اكتب وقتين مختلفين، مثل 22:00-06:30، أو اختر مما يلي.
reminders-quiet-contains = تشمل ساعات الهدوء هذه وقت التذكير ({ $time }). غيّر وقت التذكير أولًا.
reminders-pause-choose = إلى متى تريد إيقاف التذكيرات مؤقتًا؟
reminders-pause-days =
    { $days ->
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }
reminders-pause-other = مدة أخرى…
reminders-pause-prompt = اكتب عدد الأيام، من 1 إلى 90.
reminders-pause-bad = اكتب عددًا من الأيام بين 1 و90، أو أرسل أي أمر للخروج.
reminders-resume = ▶️ الاستئناف الآن
reminders-settings-button = ⚙️ إعدادات التذكيرات
reminders-intro = تذكيرات الدراسة اليومية مفعّلة، في الساعة { $time } ({ $zone }){ $quiet }. يمكنك تغييرها أو إيقافها عبر /reminders.
reminders-intro-quiet = ، ولا تصل أبدًا خلال ساعات الهدوء ({ $hours })
reminder-title = 📚 هل لديك بضع دقائق للدراسة اليوم؟
reminder-reviews =
    { $count ->
        [one] سؤال واحد جاهز للمراجعة.
        [two] سؤالان جاهزان للمراجعة.
        [few] { $count } أسئلة جاهزة للمراجعة.
        [many] { $count } سؤالًا جاهزًا للمراجعة.
       *[other] { $count } سؤال جاهز للمراجعة.
    }
reminder-next-lesson = الدرس التالي: { $lesson } ({ $course }).
reminder-due =
    يجب إكمال «{ $course }» بحلول { $date } ({ $days ->
        [0] اليوم
        [one] غدًا
        [two] بعد يومين
        [few] بعد { $days } أيام
        [many] بعد { $days } يومًا
       *[other] بعد { $days } يوم
    }).
reminder-overdue = كان يجب إكمال «{ $course }» بحلول { $date }، وقد انقضى الموعد.
reminder-streak =
    🔥 أيام الدراسة المتتالية: { $days ->
        [one] يوم واحد.
        [two] يومان.
        [few] { $days } أيام.
        [many] { $days } يومًا.
       *[other] { $days } يوم.
    }
reminder-slowed =
    لم تدرس بعد آخر 3 تذكيرات، لذا ستصلك التذكيرات من الآن مرة كل { $days ->
        [two] يومين
       *[other] { $days } أيام
    }. يمكنك تغييرها أو إيقافها عبر /reminders.
reminder-intro = هذه تذكيرات الدراسة اليومية. يمكنك تغيير وقتها أو إيقافها عبر /reminders.
reminder-open-lesson = 📖 افتح الدرس التالي
nudge-text =
    { $count ->
        [one] 🔁 سؤال واحد جاهز للمراجعة الآن.
        [two] 🔁 سؤالان جاهزان للمراجعة الآن.
        [few] 🔁 { $count } أسئلة جاهزة للمراجعة الآن.
        [many] 🔁 { $count } سؤالًا جاهزًا للمراجعة الآن.
       *[other] 🔁 { $count } سؤال جاهز للمراجعة الآن.
    }
