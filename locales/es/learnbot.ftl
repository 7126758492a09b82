## learnbot interface strings: Spanish (translated from en/learnbot.ftl, the reference locale).
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
    ¡Le damos la bienvenida, { $name }!
    Soy { -bot-name }, su asistente de formación sobre las capacidades policiales de INTERPOL.
    Estudie en sesiones breves: lea tarjetas cortas y retome la formación exactamente donde la dejó.
menu-title = ¿Qué desea hacer?
menu-courses = 📚 Cursos
menu-continue = ▶️ Continuar
menu-language = 🌐 Idioma
menu-help = ❓ Ayuda

## /help
help =
    Esto es lo que puede hacer:
    /start: bienvenida y menú principal
    /courses: ver los cursos
    /continue: retomar donde lo dejó
    /language: cambiar el idioma
    /help: mostrar esta ayuda
    Dentro de una lección, use los botones Siguiente y Atrás que aparecen bajo cada tarjeta.

## Command descriptions shown in Telegram's command menu (at most 256 characters each)
command-start = Bienvenida y menú principal
command-courses = Ver los cursos
command-continue = Retomar donde lo dejó
command-language = Cambiar el idioma
command-help = Qué puedo hacer

## /language
language-prompt = Elija su idioma:
language-changed = Idioma: español.

## Catalogue and courses
catalogue-title = Cursos
catalogue-empty = Todavía no hay ningún curso disponible.
course-progress = Lecciones completadas: { $done } de { $total }
course-lesson-done = ✅ { $title }
course-lesson-todo = ▫️ { $title }
course-start = ▶️ Empezar
course-resume = ▶️ Reanudar
course-restart = 🔁 Volver a empezar
back-to-catalogue = ◀️ Todos los cursos

## Lesson cards
card-position = Lección { $lesson } de { $lessons } · tarjeta { $card } de { $cards }
card-next = Siguiente ▶️
card-back = ◀️ Atrás
card-next-lesson = Siguiente lección ▶️
card-finish = Finalizar ✅
card-menu = ☰ Menú
course-finished =
    Ha completado todas las lecciones de «{ $course }». ¡Buen trabajo!
continue-nothing = Todavía no ha comenzado ningún curso. Elija uno para empezar:

## Answers to what the bot does not understand
unknown-command = No conozco el comando { $command }. Envíe /help para ver lo que puedo hacer.
unknown-text = No he entendido ese mensaje. Use el menú de abajo o envíe /help.
unsupported-media = Solo puedo leer mensajes de texto y botones. Use el menú de abajo o envíe /help.
edited-message = He visto que ha editado un mensaje; solo leo los mensajes nuevos. Vuelva a enviarlo si es necesario.
stale-button = Este botón ya no está vigente. Aquí tiene el menú.
error-generic = Se ha producido un error por mi parte. Inténtelo de nuevo en unos momentos.
access-denied = Necesita una verificación antes de poder abrir las lecciones.
