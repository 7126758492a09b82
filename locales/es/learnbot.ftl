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
    /start — bienvenida y menú principal
    /courses — ver los cursos
    /continue — seguir con la lección siguiente
    /review — responder a las preguntas pendientes de repaso
    /certificates — sus certificados, enviados de nuevo cuando los pida
    /reminders — sus recordatorios de estudio: activarlos o no, hora, zona horaria, horas de silencio
    /verify CÓDIGO — comprobar el código de un certificado
    /language — cambiar el idioma
    /mydata — ver los datos que se guardan sobre usted
    /deleteme — eliminar su cuenta y su progreso
    /help — mostrar esta ayuda
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

## Verification (access to course material)
verify-needed =
    El material de los cursos está reservado al personal autorizado de las fuerzas del orden.
    Solo necesita una verificación, que puede realizar de una de estas dos formas:
    1. Pulse «Compartir mi número de teléfono» abajo, si su número figura en la lista de personal autorizado.
    2. O envíe el código de invitación que le facilitó su responsable de formación (por ejemplo, IN-ABCD-EFGH-JKMN-PQRS).
verify-lapsed = Su verificación ha caducado. Para continuar, realice de nuevo la verificación.
verify-expired = Según la lista de personal autorizado, su acceso ha caducado. Póngase en contacto con su responsable de formación.
verify-share-phone = 📱 Compartir mi número de teléfono
verify-success = ✅ Gracias, su verificación se ha completado. Ya tiene acceso a todos los cursos.
verify-foreign-contact = Solo se acepta su propio número de teléfono: use el botón «Compartir mi número de teléfono» en lugar de enviar un contacto.
verify-not-on-list = Este número de teléfono no figura en la lista de personal autorizado. Pida un código de invitación a su responsable de formación.
verify-invalid-code = Este código de invitación no es válido: puede que contenga un error de escritura, que ya se haya utilizado o que haya caducado.
verify-conflict = Esta entrada de la lista de personal autorizado ya está vinculada a otra cuenta de Telegram. Se ha avisado a su responsable de formación, que puede resolver la situación.
verify-cooling-down = Demasiados intentos fallidos. Inténtelo de nuevo a partir de las { $time } (UTC).

## Roles and manager commands
role-required = Este comando solo está disponible para responsables de formación.
admin-required = Este comando requiere permisos de administración.
command-invite = Crear un código de invitación para una entrada de la lista
command-unbind = Liberar una entrada de la lista vinculada a una cuenta
command-conflicts = Ver las entradas reclamadas por una segunda cuenta
command-grant-manager = Asignar a una cuenta el rol de responsable de formación
command-revoke-manager = Retirar el rol de responsable de formación
command-mydata = Ver los datos que se guardan sobre usted
command-deleteme = Eliminar su cuenta y su progreso
invite-usage = Envíe /invite seguido del identificador de personal, por ejemplo: /invite FR-0001
invite-created =
    Código de invitación para { $personnel }: { $code }
    Válido hasta el { $expires } (UTC), para un solo uso. Entréguelo en mano a la persona interesada o envíeselo por un canal seguro.
personnel-unknown = No hay ninguna entrada { $personnel } en la lista de personal autorizado.
unbind-usage = Envíe /unbind seguido del identificador de personal, por ejemplo: /unbind FR-0001
unbind-done = La entrada { $personnel } ya no está vinculada a ninguna cuenta; la persona interesada puede volver a realizar la verificación.
unbind-nothing = La entrada { $personnel } no está vinculada a ninguna cuenta.
conflicts-none = No hay conflictos de vinculación.
conflicts-list = Entradas reclamadas por una segunda cuenta (use /unbind para liberar una):
role-usage = Envíe el comando seguido de un identificador de usuario de Telegram, por ejemplo: /grant_manager 123456789
role-granted = La cuenta { $account } tiene ahora el rol de responsable de formación.
role-revoked = La cuenta { $account } ya no tiene el rol de responsable de formación.
role-unknown-account = La cuenta { $account } todavía no ha utilizado el bot.

## Importing the approved-personnel list as a file
import-rejected = Se ha rechazado la lista; no se ha modificado nada. Problemas detectados ({ $count }):
import-more-problems = … y { $count } más.
import-preview = Esta lista sustituiría a la actual. Entradas añadidas: { $added }; actualizadas: { $updated }; eliminadas: { $removed }; sin cambios: { $unchanged }.
import-confirm = ✅ Confirmar
import-cancel = ✖️ Cancelar
import-done = Se ha sustituido la lista de personal autorizado. Entradas añadidas: { $added }; actualizadas: { $updated }; eliminadas: { $removed }; sin cambios: { $unchanged }.
import-cancelled = Importación cancelada; no se ha modificado nada.
import-not-csv = Envíe la lista de personal autorizado como archivo .csv.
import-too-large = Este archivo es demasiado grande para una lista de personal (máximo { $limit } MB).

## Personal data
mydata-caption = Todos los datos que learnbot guarda sobre usted.
deleteme-confirm = Esta acción borra su cuenta, su progreso y sus respuestas. Solo se conservan los registros de auditoría con identificadores ilegibles (en forma de hash). ¿Desea continuar?
deleteme-yes = 🗑 Sí, eliminar todo
deleteme-no = Conservar mi cuenta
deleteme-done = Se han borrado su cuenta y su progreso. Envíe /start si alguna vez desea volver a empezar.
deleteme-kept = No se ha eliminado nada.

## Quizzes
menu-review = 🔁 Repaso (pendientes: { $count })
command-review = Repasar las preguntas pendientes
command-verify = Comprobar un código de certificado
command-stats = Estadísticas de los cursos
command-export = Progreso de cada participante (CSV)
command-revoke-certificate = Revocar un certificado
lesson-check = ✅ Comprobar lo aprendido
final-quiz = 📝 Cuestionario final
quiz-title-lesson = Comprobación de la lección
quiz-title-final = Cuestionario final: { $course }
quiz-title-review = Repaso
quiz-progress = Pregunta { $number } de { $total }
quiz-choose-several = Seleccione todas las respuestas correctas y, a continuación, pulse Enviar.
quiz-submit = Enviar ✅
quiz-true = Verdadero
quiz-false = Falso
quiz-correct = ✅ Correcto.
quiz-wrong = ❌ No es del todo correcto.
quiz-answer-was = La respuesta correcta:
quiz-explanation = Explicación: { $text }
quiz-next = Siguiente pregunta ▶️
quiz-lesson-result = Respuestas correctas: { $correct } de { $total }.
quiz-final-score = Puntuación: { $correct } de { $total } ({ $percent } %). Nota mínima para aprobar: { $pass } %.
quiz-passed = 🎉 Ha aprobado.
quiz-failed = Esta vez no ha aprobado.
quiz-time-up = ⏱ Se ha agotado el tiempo: las preguntas sin responder cuentan como incorrectas.
quiz-to-review = Para repasar:
quiz-review-later = Las preguntas falladas volverán a aparecer en /review.
quiz-review-done = Repaso finalizado. Respuestas correctas: { $correct } de { $total }. Los próximos repasos se programan según lo bien que conocía cada respuesta.
quiz-retake-after = Podrá volver a realizar el cuestionario final a partir del { $time } (UTC).
quiz-no-attempts = Ha agotado todos los intentos permitidos para este cuestionario final. Póngase en contacto con su responsable de formación.
quiz-nothing-due = No hay nada que repasar por ahora. Las preguntas que responda en los cuestionarios volverán aquí cuando toque repasarlas.
quiz-time-limit = Tiempo límite: { $minutes } min.
quiz-stale = Esta pregunta ya no está disponible.
quiz-poll-hint = Responda en la encuesta de arriba; después aparecerá la siguiente pregunta.
back-to-course = ◀️ Volver al curso

## Certificates
certificate-button = 📄 Certificado
certificate-caption = Certificado { $code }: { $course }
certificate-title = Certificado de finalización
certificate-code = Código de verificación: { $code }
certificate-verify-hint = Cualquier persona puede comprobar este certificado: escanee el código o envíe esto a { $bot }:
certificate-name-shown = Su nombre se muestra a las personas que comprueban este certificado.
certificate-name-hidden = Su nombre no se muestra a las personas que comprueban este certificado.
certificate-show-name = 👁 Mostrar mi nombre en las comprobaciones
certificate-hide-name = 🙈 Ocultar mi nombre
verify-usage = Envíe /verify seguido del código del certificado, por ejemplo: /verify LB-ABCDE-12345
verify-valid = ✅ Certificado { $code } válido: «{ $course }», expedido el { $date }.
verify-valid-holder = Titular: { $name }
verify-revoked = ⚠️ Se ha revocado el certificado { $code } («{ $course }», expedido el { $date }).
verify-unknown = No hay ningún certificado con el código { $code }.
revoke-certificate-usage = Envíe /revoke_certificate seguido del código.
revoke-certificate-done = El certificado { $code } ha quedado revocado.
revoke-certificate-unknown = No hay ningún certificado válido con el código { $code }.

## Statistics for managers
stats-none = –
stats-percent = { $value } %
stats-hardest = Preguntas más difíciles (menos del 100 % de aciertos):
stats-hard-question = { $percent } % de aciertos ({ $answered -> 
    [one] { $answered } respuesta
   *[other] { $answered } respuestas
 }): { $text }
export-caption = Progreso de cada participante, con una fila por curso iniciado.
