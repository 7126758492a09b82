# Study reminders: /reminders, the reminders themselves, review nudges.
command-reminders = Daily study reminders: time, time zone, pause
reminders-title = ⏰ Study reminders
reminders-state-on = Daily reminders are on, at { $time } ({ $zone }).
reminders-state-off = Daily reminders are off.
reminders-state-paused = Paused until { $date }.
reminders-every = For now they come every { $days } days, because the last ones were not followed; studying brings them back to every day.
reminders-quiet = Quiet hours: { $hours }.
reminders-quiet-none = No quiet hours.
reminders-nudges-on = Review nudges: on (a message as soon as questions are due for review).
reminders-nudges-off = Review nudges: off.
reminders-turn-off = 🔕 Turn reminders off
reminders-turn-on = 🔔 Turn reminders on
reminders-other-time = Other time…
reminders-zone-button = 🌍 Time zone…
reminders-quiet-button = 🌙 Quiet hours…
reminders-nudges-enable = 🔁 Turn on review nudges
reminders-nudges-disable = 🔁 Turn off review nudges
reminders-pause-button = ⏸ Pause…
reminders-back = ◀️ Back
reminders-type-time = Type the time of day for your reminder, for example 18:30.
reminders-bad-time = That is not a time of day. Type it like 18:30, or send any command to stop.
reminders-time-in-quiet = { $time } is inside your quiet hours ({ $hours }). Choose another time, or change the quiet hours first.
reminders-zone-choose = Choose your time zone:
reminders-zone-type-button = Type a city…
reminders-zone-type = Type a city or a time-zone name, for example Nairobi or America/Bogota.
reminders-zone-unknown = I do not know the place “{ $text }”. Type a large city near you, or a time-zone name such as Europe/Paris.
reminders-quiet-choose = When should reminders never arrive?
reminders-quiet-off = No quiet hours
reminders-other-hours = Other hours…
reminders-quiet-type = Type your quiet hours as two times, for example 22:00-06:30.
reminders-quiet-bad = Type two different times, for example 22:00-06:30, or choose below.
reminders-quiet-contains = Those quiet hours include your reminder time ({ $time }). Change the reminder time first.
reminders-pause-choose = Pause reminders for how long?
reminders-pause-days =
    { $days ->
        [one] 1 day
       *[other] { $days } days
    }
reminders-pause-other = Other…
reminders-pause-prompt = Type a number of days, from 1 to 90.
reminders-pause-bad = Type a number of days from 1 to 90, or send any command to stop.
reminders-resume = ▶️ Resume now
reminders-settings-button = ⚙️ Reminder settings
reminders-intro = Daily study reminders are on, at { $time } ({ $zone }){ $quiet }. Change or stop them with /reminders.
reminders-intro-quiet = , never during quiet hours ({ $hours })
reminder-title = 📚 A few minutes of study today?
reminder-reviews =
    { $count ->
        [one] 1 question is ready for review.
       *[other] { $count } questions are ready for review.
    }
reminder-next-lesson = Next lesson: { $lesson } ({ $course }).
reminder-due =
    “{ $course }” is due on { $date } ({ $days ->
        [0] today
        [one] tomorrow
       *[other] in { $days } days
    }).
reminder-overdue = “{ $course }” was due on { $date }: it is overdue.
reminder-streak =
    🔥 Study streak: { $days ->
        [one] 1 day.
       *[other] { $days } days in a row.
    }
reminder-slowed = You have not studied after the last 3 reminders, so they now come every { $days } days. Change or stop them with /reminders.
reminder-intro = These are your daily study reminders. Change their time or turn them off with /reminders.
reminder-open-lesson = 📖 Open the next lesson
nudge-text =
    { $count ->
        [one] 🔁 A question is ready for review now.
       *[other] 🔁 { $count } questions are ready for review now.
    }
