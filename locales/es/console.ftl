# La consola web de los responsables de formación, abierta con /console desde el chat.
command-console = Abrir la consola web de responsables
console-link =
    Su enlace a la consola de responsables. Funciona una sola vez, durante { $minutes } minutos, y solo para su cuenta: no lo reenvíe.
console-unavailable = La consola web no está activada en este bot: el administrador debe configurar un puerto web (web_port) y la dirección de la consola (console_base_url).

## Diseño y navegación
console-name = Consola de learnbot
console-skip = Ir al contenido
console-nav = Secciones de la consola
console-nav-overview = Resumen
console-nav-officers = Agentes
console-nav-personnel = Lista de personal
console-nav-certificates = Certificados
console-nav-announcements = Anuncios
console-nav-content = Contenido
console-nav-audit = Registro de auditoría
console-nav-roles = Funciones
console-language = Idioma
console-language-apply = Cambiar
console-sign-out = Cerrar sesión
console-pages = Páginas
console-page-previous = ← Anterior
console-page-next = Siguiente →
console-page-of = Página { $number } de { $pages }
console-none = –
console-yes = Sí
console-percent = { $value } %
console-search = Buscar
console-filter-country = País
console-filter-all = Todos
console-filter-cohort = Promoción
console-refresh = Actualizar
console-filter-apply = Aplicar
console-nothing-found = No se encontró nada.
console-export-csv = Exportar como CSV
console-cancel = Cancelar

## Inicio y cierre de sesión
console-sign-in-title = Iniciar sesión en la consola
console-sign-in-explained = learnbot le envió este enlace en Telegram. Inicia su sesión en este navegador una sola vez; la sesión termina cuando la cierra o tras algunas horas sin actividad.
console-sign-in = Iniciar sesión
console-link-title = Este enlace no se puede usar
console-link-used = Este enlace de inicio de sesión ya se utilizó. Cada enlace funciona una sola vez.
console-link-expired = Este enlace de inicio de sesión ha caducado.
console-link-unknown = Este enlace de inicio de sesión no es válido. Compruebe que lo copió completo.
console-link-not-manager = Este enlace pertenece a una cuenta que ya no es responsable de formación.
console-how-to-sign-in = Para abrir la consola, envíe /console al bot learnbot en Telegram y abra el enlace que le envíe.
console-signed-out-title = No ha iniciado sesión
console-why-missing = Debe iniciar sesión para ver esta página.
console-why-signed-out = Ha cerrado la sesión.
console-why-idle = Su sesión terminó tras { $hours } horas sin actividad.
console-why-role = Su acceso a la consola ha terminado: su cuenta ya no es responsable de formación.

## Errores
console-error-title = Algo no va bien
console-error-csrf = Este formulario había caducado o no procedía de la consola, así que no se cambió nada. Vuelva atrás, recargue la página e inténtelo de nuevo.
console-error-forbidden = Esta página está reservada a los administradores.
console-error-not-found = No hay nada en esta dirección.
console-error-too-large = El archivo es demasiado grande (como máximo { $limit } MB).
console-error-internal = Algo falló por nuestra parte; no se cambió nada. Inténtelo de nuevo en un minuto.
console-back-to-overview = Volver al resumen

## Resumen
console-overview-title = Resumen
console-figure-verified = agentes verificados
console-figure-active = activos en los últimos 7 días
console-figure-lessons-week = lecciones completadas esta semana
console-courses-title = Cursos
console-column-course = Curso
console-column-started = Iniciado
console-column-completed = Completado
console-column-quiz-takers = Hicieron la prueba final
console-column-pass-rate = Tasa de aprobados
console-column-certificates = Certificados válidos
console-chart-title = Lecciones completadas por semana (últimas { $weeks } semanas)
console-chart-description = Una barra por semana, de la más antigua a la izquierda a la semana actual a la derecha; las cifras también figuran en la tabla de abajo.
console-chart-table = Las cifras del gráfico en forma de tabla
console-column-week = Semana del
console-column-lessons = Lecciones completadas

## Agentes
console-officers-title = Agentes
console-search-officers = Nombre o número de personal
console-officers-count = { $count ->
    [one] { $count } registro en la lista
   *[other] { $count } registros en la lista
}
console-column-name = Nombre
console-column-personnel-id = Número de personal
console-column-country = País
console-column-cohorts = Promociones
console-column-language = Idioma
console-column-last-active = Última actividad
console-column-progress = Progreso
console-not-verified = Aún no verificado
console-course-progress = { $course }: { $done }/{ $total } lecciones
console-back-to-officers = ← Todos los agentes
console-column-list-role = Función en la lista
console-role-manager = Responsable de formación
console-role-officer = Agente
console-column-expires = Registro válido hasta
console-column-verified = Verificado el
console-column-reachable = Localizable en Telegram
console-unreachable-since = No: bloqueó el bot el { $since }
console-actions = Acciones
console-unbind = Desvincular la cuenta
console-unbind-hint = Libera este registro para que el agente pueda verificarse de nuevo, por ejemplo en un teléfono nuevo.
console-invite = Crear un código de invitación
console-invite-hint = Un código de un solo uso para un agente que no puede verificarse con su número de teléfono.
console-invite-created = Código de invitación, válido hasta { $expires }, de un solo uso. Entréguelo al agente en persona o por un canal seguro; solo se muestra ahora.
console-role-grant = Hacer de esta cuenta un responsable de formación
console-role-withdraw = Retirar la función de responsable concedida
console-role-hint = Solo administradores. Una función asignada por la lista solo cambia con una nueva lista.
console-role-granted = La cuenta es ahora responsable de formación.
console-role-revoked = Se retiró la función de responsable concedida.
console-progress-title = Progreso por curso
console-no-progress = Aún no ha empezado ninguna lección.
console-attempts-title = Intentos de prueba
console-column-started-at = Inicio
console-column-quiz = Prueba
console-column-score = Puntuación
console-column-result = Resultado
console-quiz-final = Prueba final: { $course }
console-quiz-lesson = Comprobación de lección: { $course }
console-quiz-review = Repaso
console-unfinished = Sin terminar
console-finished = Terminado
console-passed = Aprobado
console-failed = No aprobado
console-no-attempts = Aún no hay intentos de prueba.
console-no-certificates = No hay certificados.

## Lista de personal
console-personnel-title = Lista de personal autorizado
console-personnel-count = { $count ->
    [one] La lista tiene { $count } registro.
   *[other] La lista tiene { $count } registros.
}
console-personnel-download = Descargar la lista actual (CSV)
console-personnel-download-hint = Los números de teléfono y los correos electrónicos no aparecen en la descarga: learnbot solo guarda formas ilegibles (cifradas con hash) de ellos.
console-personnel-upload-title = Reemplazar la lista
console-personnel-upload-hint = Suba la lista completa como archivo CSV, tal como la enviaría al bot. Verá qué cambia antes de que se reemplace nada.
console-personnel-file = Archivo CSV (como máximo { $limit } MB)
console-personnel-check = Comprobar el archivo
console-personnel-preview-title = Revisar los cambios
console-preview-added = Añadidos
console-preview-updated = Actualizados
console-preview-removed = Eliminados
console-import-stale = Esta carga ya se confirmó o se canceló.

## Certificados
console-certificates-title = Certificados
console-search-certificates = Código o nombre
console-certificates-count = { $count ->
    [one] { $count } certificado
   *[other] { $count } certificados
}
console-column-code = Código
console-column-holder = Titular
console-column-issued = Emitido
console-column-status = Estado
console-valid = Válido
console-revoked = Revocado
console-revoked-on = Revocado el { $date }
console-revoke = Revocar…
console-revoke-title = Revocar el certificado { $code }
console-revoke-reason = Motivo (se guarda con el certificado y en el registro de auditoría)
console-revoke-confirm = Revocar el certificado
console-revoke-reason-needed = Indique un motivo para revocar un certificado.

## Contenido
console-content-title = Contenido
console-content-hint = Cada curso, en cada idioma, tarjeta por tarjeta tal como lo ven los agentes en Telegram, con las pruebas y sus respuestas.
console-content-size = { $lessons ->
    [one] { $lessons } lección
   *[other] { $lessons } lecciones
}, { $questions ->
    [one] { $questions } pregunta de prueba
   *[other] { $questions } preguntas de prueba
}
console-content-language = Mostrar en
console-back-to-content = ← Todos los cursos
console-lesson-check = Comprobación de la lección
console-final-quiz = Prueba final ({ $count ->
    [one] { $count } pregunta en el banco
   *[other] { $count } preguntas en el banco
})
console-correct-answer = respuesta correcta

## Registro de auditoría
console-audit-title = Registro de auditoría
console-audit-hint = Las personas aparecen como identificadores ilegibles (cifrados con hash); pase el puntero sobre uno para verlo completo.
console-audit-action = Acción
console-audit-from = Desde
console-audit-to = Hasta
console-audit-count = { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
}
console-column-when = Cuándo
console-column-actor = Quién
console-column-subject = Sobre
console-column-detail = Detalle

## Funciones
console-roles-title = Funciones
console-roles-hint = Responsables de formación, por la lista o por decisión de un administrador. Los administradores ({ $admins }) se designan en la configuración del bot.
console-column-why-manager = Responsable por
console-manager-by-list = la lista
console-manager-granted = decisión de un administrador

## Anuncios
console-announcements-title = Anuncios
console-announcements-new = Redactar un anuncio
console-announcements-none = Todavía no hay anuncios.
console-announcements-awaiting = Pendientes de la aprobación de un segundo responsable
console-announcements-recent = Anuncios recientes
console-announcement-title = Anuncio n.º { $id }
console-announcement-own = (suyo)
console-announcement-waiting-own = Usted lo redactó: otro responsable debe aprobarlo o rechazarlo.
console-announcement-approve = Aprobar
console-announcement-reject = Rechazar
console-announcement-cancel = Cancelar este anuncio
console-announcement-cancel-hint = Las copias que aún no se han enviado no se enviarán nunca.
console-announcement-created = Redactado
console-announcement-starts = Envío
console-announcement-zone = Horas mostradas en
console-announcement-as-sent = El mensaje tal como lo reciben los agentes
console-announcement-media-photo = 📷 Una foto, con este pie (véala con /announcements en el chat)
console-announcement-media-document = 📄 Un documento, con este pie (véalo con /announcements en el chat)
console-back-to-announcements = ← Todos los anuncios
console-column-number = N.º
console-column-audience = Destinatarios elegidos
console-column-recipients = Destinatarios
console-column-sent = Enviados
console-column-pending = Pendientes
console-column-failed = Fallidos
console-column-unreachable = Inaccesibles
console-column-unconfirmed = Sin confirmar
console-column-acknowledged = Enterados
console-report-title = Informe de entrega
console-report-live = Estas cifras se actualizan solas mientras el anuncio está en curso.
console-report-final = Cifras definitivas. Los agentes inaccesibles han bloqueado el bot; las copias sin confirmar se interrumpieron durante el envío y puede que no hayan llegado.
console-compose-title = Redactar un anuncio
console-compose-text = Mensaje
console-compose-text-hint = **Negrita** entre dos asteriscos, _cursiva_ entre guiones bajos, enlaces como [texto](https://…). Como máximo 4096 caracteres.
console-compose-media-hint = Para enviar una foto o un documento, use /announce en el chat.
console-compose-audience = Destinatarios
console-compose-audience-hint = Los filtros se suman; sin ningún filtro, el anuncio llega a todos los agentes verificados.
console-filter-course = Curso
console-filter-completion = En el curso elegido
console-filter-language = Idioma
console-compose-acknowledge = Añadir un botón «Enterado»
console-compose-approval-rule = Un anuncio a todos los agentes verificados, o a más de { $limit } destinatarios, solo se envía cuando lo aprueba un segundo responsable.
console-compose-update = Actualizar la vista previa
console-compose-send = Enviar ahora
console-compose-schedule-title = O programarlo
console-compose-when = Fecha y hora (su zona horaria: { $zone })
console-compose-schedule = Programar
console-compose-discard = Descartar
console-compose-preview = Tal como lo verán los agentes en Telegram
console-compose-placeholder = Su mensaje aparece aquí.
console-compose-problem-text = Primero redacte el mensaje.
console-compose-problem-long = El mensaje tiene { $length } caracteres; Telegram acepta como máximo { $limit }.
console-compose-problem-link = El enlace { $url } debe empezar por https://.
console-compose-problem-choice = Una de las opciones de destinatarios ya no está disponible. Vuelva a elegir.
console-compose-problem-when = Elija una fecha y una hora futuras (su zona horaria: { $zone }).
console-notice-sending = { $count ->
    [one] Se está enviando ahora a 1 destinatario.
   *[other] Se está enviando ahora a { $count } destinatarios.
} Esta página sigue su entrega.
console-notice-scheduled = { $count ->
    [one] Se enviará el { $when } a 1 destinatario.
   *[other] Se enviará el { $when } a { $count } destinatarios.
} Puede cancelarse hasta entonces.
console-notice-awaiting = Va a { $count } destinatarios, así que un segundo responsable debe aprobarlo. { $asked ->
    [0] No se pudo avisar en el chat a ningún otro responsable; lo encontrarán aquí.
    [one] Se ha avisado en el chat a 1 responsable.
   *[other] Se ha avisado en el chat a { $asked } responsables.
}
