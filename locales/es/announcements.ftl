# Anuncios de los responsables de cursos: /announce, aprobación, /announcements, informes, acuses de lectura.
command-announce = Redactar un anuncio para los agentes
command-announcements = Anuncios recientes y su entrega
announce-prompt-body = Envíe ahora el anuncio: un texto (se conservan la negrita, la cursiva y los enlaces), o una foto o un documento con un pie de texto. Cualquier comando lo detiene.
announce-unsupported-body = Un anuncio es un texto, una foto o un documento. Envíe uno de ellos, o cualquier comando para salir.
announce-button-discard = ✖️ Descartar
announce-discarded = Anuncio descartado.
announce-stale = Este anuncio ya no está en esa etapa.
announce-panel-title = Anuncio n.º { $id } (borrador)
announce-panel-audience = Destinatarios: { $audience }
announce-panel-count =
    { $count ->
        [one] 1 destinatario en este momento.
       *[other] { $count } destinatarios en este momento.
    }
announce-panel-ack-on = Los destinatarios reciben un botón «Recibido».
announce-panel-ack-off = Sin botón «Recibido».
announce-panel-approval = Un segundo responsable debe aprobarlo antes de su envío.
announce-button-audience = 👥 Destinatarios…
announce-button-preview = 👁 Vista previa
announce-button-ack-on = Añadir un botón «Recibido»
announce-button-ack-off = Quitar el botón «Recibido»
announce-button-send = 📣 Enviar ahora
announce-button-schedule = 🕒 Programar…
announce-audience-title = ¿Quién debe recibirlo? Los filtros se combinan.
announce-audience-everyone = todos los agentes verificados
announce-filter-cohort = cohorte «{ $name }»
announce-filter-course = curso «{ $course }»: { $completion }
announce-filter-country = país { $country }
announce-filter-language = idioma: { $language }
announce-by-cohort = Cohorte…
announce-by-course = Curso…
announce-by-country = País…
announce-by-language = Idioma…
announce-by-completion = Avance…
announce-everyone = Todos (sin filtro)
announce-any = Cualquiera
announce-back = ◀️ Volver
announce-completion-any = empezado o asignado
announce-completion-not-started = sin empezar
announce-completion-in-progress = en curso
announce-completion-completed = completado
announce-schedule-title = ¿Cuándo debe enviarse?
announce-in-one-hour = Dentro de una hora
announce-tomorrow-morning = Mañana a las 09:00
announce-type-when-button = Escribir fecha y hora…
announce-type-when = Escriba la fecha y la hora en su zona horaria ({ $zone }), por ejemplo 2027-03-15 09:00.
announce-bad-when = Escriba una fecha y una hora futuras, en su zona horaria ({ $zone }), por ejemplo 2027-03-15 09:00.
announce-empty = Nadie corresponde a estos destinatarios por ahora. Cambie los filtros.
announce-sending =
    El anuncio n.º { $id } sale ahora hacia { $count ->
        [one] 1 destinatario.
       *[other] { $count } destinatarios.
    } /announcements muestra su avance, y recibirá un informe al final.
announce-scheduled =
    El anuncio n.º { $id } saldrá el { $when } hacia { $count ->
        [one] 1 destinatario.
       *[other] { $count } destinatarios.
    } Aparece en /announcements, donde puede cancelarse.
announce-awaiting-approval =
    El anuncio n.º { $id } va dirigido a { $count } destinatarios, por lo que un segundo responsable debe aprobarlo. { $reviewers ->
        [0] Ningún otro responsable está disponible ahora; lo encontrarán en /announcements.
        [one] Se ha consultado a 1 responsable.
       *[other] Se ha consultado a { $reviewers } responsables.
    }
announce-approval-request = El anuncio n.º { $id } para { $count } destinatarios ({ $audience }) necesita la aprobación de un segundo responsable antes de enviarse.
announce-button-show = 👁 Verlo
announce-button-approve = ✅ Aprobar
announce-button-reject = ✖️ Rechazar
announce-button-approve-id = ✅ Aprobar n.º { $id }
announce-button-reject-id = ✖️ Rechazar n.º { $id }
announce-button-cancel-id = ⏹ Cancelar n.º { $id }
announce-approved = El anuncio n.º { $id } está aprobado: sale el { $when } hacia { $count } destinatarios.
announce-rejected = El anuncio n.º { $id } fue rechazado: no se enviará.
announce-own = Usted redactó este anuncio: debe aprobarlo otro responsable.
announce-cancelled = El anuncio n.º { $id } está cancelado.
announce-acknowledge = ✅ Recibido
announce-acknowledged = ✔️ Lectura confirmada
announce-ack-thanks = Gracias, queda registrado.
announcements-title = Anuncios recientes
announcements-none = Todavía no hay anuncios. /announce redacta uno.
announcements-line = N.º { $id } · { $status } · { $audience }
announcements-counts = Enviados { $sent } de { $total } · pendientes { $pending } · fallidos { $failed } · inalcanzables { $unreachable } · sin confirmar { $unconfirmed } · lecturas confirmadas { $acknowledged }
announcements-failure = Fallo: { $reason } ({ $count })
announcements-refresh = 🔄 Actualizar
announcement-status-draft = borrador
announcement-status-approval = pendiente de aprobación
announcement-status-scheduled = programado para el { $when }
announcement-status-sending = enviándose
announcement-status-done = terminado
announcement-status-cancelled = cancelado
announcement-status-rejected = rechazado
announce-report = El envío del anuncio n.º { $id } ha terminado.
announce-report-cancelled = El anuncio n.º { $id } se canceló durante su envío.
