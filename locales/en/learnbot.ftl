## learnbot interface strings: English (the reference locale).
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
    Welcome, { $name }!
    I am { -bot-name }, your training assistant on INTERPOL's policing capabilities.
    Study in short sessions: read bite-sized cards, then pick up exactly where you stopped.
menu-title = What would you like to do?
menu-courses = 📚 Courses
menu-continue = ▶️ Continue
menu-language = 🌐 Language
menu-help = ❓ Help

## /help
help =
    Here is what you can do:
    /start: welcome and main menu
    /courses: browse the courses
    /continue: resume where you stopped
    /language: change the language
    /help: show this help
    Inside a lesson, use the Next and Back buttons under each card.

## Command descriptions shown in Telegram's command menu (at most 256 characters each)
command-start = Welcome and main menu
command-courses = Browse the courses
command-continue = Resume where you stopped
command-language = Change the language
command-help = What I can do

## /language
language-prompt = Choose your language:
language-changed = Language set to English.

## Catalogue and courses
catalogue-title = Courses
catalogue-empty = No course is available yet.
course-progress = { $done } of { $total } lessons completed
course-lesson-done = ✅ { $title }
course-lesson-todo = ▫️ { $title }
course-start = ▶️ Start
course-resume = ▶️ Resume
course-restart = 🔁 Start again
back-to-catalogue = ◀️ All courses

## Lesson cards
card-position = Lesson { $lesson } of { $lessons } · card { $card } of { $cards }
card-next = Next ▶️
card-back = ◀️ Back
card-next-lesson = Next lesson ▶️
card-finish = Finish ✅
card-menu = ☰ Menu
course-finished =
    You have completed every lesson of “{ $course }”. Well done!
continue-nothing = You have not started a course yet. Pick one to begin:

## Answers to what the bot does not understand
unknown-command = I do not know the command { $command }. Send /help to see what I can do.
unknown-text = I did not understand that. Use the menu below, or send /help.
unsupported-media = I can only read text messages and buttons. Use the menu below, or send /help.
edited-message = I saw that you edited a message; I only read new messages. Send it again if you need to.
stale-button = This button is out of date. Here is the menu.
error-generic = Something went wrong on my side. Please try again in a moment.
access-denied = You need to be verified before you can open lessons.
