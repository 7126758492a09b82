# Recordatorios de estudio: /reminders, los recordatorios y los avisos de repaso.
command-reminders = Recordatorios diarios de estudio: hora, zona horaria, pausa
reminders-title = ⏰ Recordatorios de estudio
reminders-state-on = Los recordatorios diarios están activados, a las { $time } ({ $zone }).
reminders-state-off = Los recordatorios diarios están desactivados.
reminders-state-paused = En pausa hasta el { $date }.
reminders-every = Por ahora llegan cada { $days } días, porque no se siguieron los últimos; estudiar los devuelve a diario.
reminders-quiet = Horas de silencio: { $hours }.
reminders-quiet-none = Sin horas de silencio.
reminders-nudges-on = Avisos de repaso: activados (un mensaje en cuanto haya preguntas para repasar).
reminders-nudges-off = Avisos de repaso: desactivados.
reminders-turn-off = 🔕 Desactivar los recordatorios
reminders-turn-on = 🔔 Activar los recordatorios
reminders-other-time = Otra hora…
reminders-zone-button = 🌍 Zona horaria…
reminders-quiet-button = 🌙 Horas de silencio…
reminders-nudges-enable = 🔁 Activar los avisos de repaso
reminders-nudges-disable = 🔁 Desactivar los avisos de repaso
reminders-pause-button = ⏸ Pausa…
reminders-back = ◀️ Volver
reminders-type-time = Escriba la hora de su recordatorio, por ejemplo 18:30.
reminders-bad-time = Eso no es una hora. Escríbala como 18:30, o envíe cualquier comando para salir.
reminders-time-in-quiet = Las { $time } caen dentro de sus horas de silencio ({ $hours }). Elija otra hora o cambie antes las horas de silencio.
reminders-zone-choose = Elija su zona horaria:
reminders-zone-type-button = Escribir una ciudad…
reminders-zone-type = Escriba una ciudad o el nombre de una zona horaria, por ejemplo Nairobi o America/Bogota.
reminders-zone-unknown = No conozco el lugar «{ $text }». Escriba una ciudad grande cercana o una zona horaria como Europe/Madrid.
reminders-quiet-choose = ¿A qué horas no deben llegar nunca los recordatorios?
reminders-quiet-off = Sin horas de silencio
reminders-other-hours = Otras horas…
reminders-quiet-type = Escriba sus horas de silencio como dos horas, por ejemplo 22:00-06:30.
reminders-quiet-bad = Escriba dos horas distintas, por ejemplo 22:00-06:30, o elija abajo.
reminders-quiet-contains = Esas horas de silencio incluyen la hora de su recordatorio ({ $time }). Cambie primero la hora del recordatorio.
reminders-pause-choose = ¿Durante cuánto tiempo pausar los recordatorios?
reminders-pause-days =
    { $days ->
        [one] 1 día
       *[other] { $days } días
    }
reminders-pause-other = Otro…
reminders-pause-prompt = Escriba un número de días, de 1 a 90.
reminders-pause-bad = Escriba un número de días de 1 a 90, o envíe cualquier comando para salir.
reminders-resume = ▶️ Reanudar ahora
reminders-settings-button = ⚙️ Ajustes de los recordatorios
reminders-intro = Los recordatorios diarios de estudio están activados, a las { $time } ({ $zone }){ $quiet }. Cámbielos o desactívelos con /reminders.
reminders-intro-quiet = , nunca en horas de silencio ({ $hours })
reminder-title = 📚 ¿Unos minutos de estudio hoy?
reminder-reviews =
    { $count ->
        [one] 1 pregunta está lista para repasar.
       *[other] { $count } preguntas están listas para repasar.
    }
reminder-next-lesson = Próxima lección: { $lesson } ({ $course }).
reminder-due =
    «{ $course }» debe completarse el { $date } ({ $days ->
        [0] hoy
        [one] mañana
       *[other] dentro de { $days } días
    }).
reminder-overdue = «{ $course }» debía completarse el { $date }: el plazo ha vencido.
reminder-streak =
    🔥 Racha de estudio: { $days ->
        [one] 1 día.
       *[other] { $days } días seguidos.
    }
reminder-slowed = No ha estudiado después de los 3 últimos recordatorios, así que ahora llegan cada { $days } días. Cámbielos o desactívelos con /reminders.
reminder-intro = Estos son sus recordatorios diarios de estudio. Cambie la hora o desactívelos con /reminders.
reminder-open-lesson = 📖 Abrir la próxima lección
nudge-text =
    { $count ->
        [one] 🔁 Una pregunta está lista para repasar.
       *[other] 🔁 { $count } preguntas están listas para repasar.
    }
