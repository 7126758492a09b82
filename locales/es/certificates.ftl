## Cuestionario final, certificados y primera hora del agente (issue 10).

## Presentación del curso: lo que exige y lo que pide su cuestionario final
course-length = { $lessons } lecciones · unos { $minutes } minutos de estudio
course-final-quiz = Cuestionario final: { $count -> 
    [one] { $count } pregunta
   *[other] { $count } preguntas
 }, nota para aprobar { $percent } %.
course-final-after-lessons = Se abre cuando se han completado todas las lecciones.
course-final-retakes = { $count -> 
    [one] Tras un intento fallido,
   *[other] Tras { $count } intentos fallidos seguidos,
 } hay que esperar { $hours -> 
    [one] { $hours } hora
   *[other] { $hours } horas
 } antes de volver a intentarlo.
course-certificate-valid = El certificado es válido durante { $months -> 
    [one] { $months } mes
   *[other] { $months } meses
 }.

## Cuestionario final: reglas antes de la primera pregunta, rechazos
quiz-rules-questions = { $count -> 
    [one] { $count } pregunta extraída
   *[other] { $count } preguntas extraídas
 } de un banco de { $pool }: cada nuevo intento trae otras.
quiz-rules-questions-all = { $count -> 
    [one] { $count } pregunta.
   *[other] { $count } preguntas.
 }
quiz-rules-pass-mark = Nota para aprobar: { $percent } %.
quiz-rules-time-limit = Tiempo límite: { $minutes -> 
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
 }, contados desde la primera pregunta.
quiz-rules-no-time-limit = Sin límite de tiempo.
quiz-rules-attempts-left = { $count -> 
    [one] Le queda { $count } intento antes de un periodo de espera.
   *[other] Le quedan { $count } intentos antes de un periodo de espera.
 }
quiz-rules-feedback-end = Verá sus resultados y las explicaciones al final, no después de cada respuesta.
quiz-rules-feedback-each = Verá después de cada respuesta si es correcta, con su explicación.
quiz-begin = ▶️ Empezar el cuestionario final
quiz-lessons-first = { $count -> 
    [one] El cuestionario final se abre cuando se han completado todas las lecciones: le queda { $count } lección.
   *[other] El cuestionario final se abre cuando se han completado todas las lecciones: le quedan { $count } lecciones.
 }

## Respuestas
quiz-option-letters = A B C D E F G H I J K L
quiz-your-answer = Su respuesta:
quiz-answer-recorded = Respuesta registrada: { $answer }
quiz-certificate-follows = Su certificado aparece a continuación.
quiz-certificate-held = Ya tiene el certificado de este curso: consulte /certificates.
quiz-your-answers = Sus respuestas:
quiz-review-chosen = Su respuesta: { $answer }
quiz-review-unanswered = Sin responder.
quiz-review-right = Respuesta correcta: { $answer }

## El certificado (PDF)
certificate-issuer = { $organisation } · { $bot }
certificate-statement = Por la presente se hace constar que
certificate-holder-unnamed = la persona titular de este certificado
certificate-achievement = completó las { $lessons } lecciones y aprobó la evaluación final con un { $percent } % (nota para aprobar { $pass } %) del curso
certificate-achievement-assessment = aprobó la evaluación final con un { $percent } % (nota para aprobar { $pass } %) del curso
certificate-course = { $course } · { $minutes } minutos de estudio
certificate-issued = Expedido el { $date }
certificate-issued-valid-until = Expedido el { $date } · válido hasta el { $expires }
certificate-personnel-id = Número de identificación: { $id }

## /certificates
certificates-title = Sus certificados
certificates-none = Aún no tiene ningún certificado. Complete un curso y apruebe su cuestionario final para obtener uno.
certificates-line = { $course }: { $code }, expedido el { $date } ({ $status })
certificates-valid = válido
certificates-valid-until = válido hasta el { $date }
certificates-expired = caducó el { $date }
certificates-revoked = revocado
certificates-get = 📄 { $course }
command-certificates = Sus certificados, enviados de nuevo cuando los pida

## /verify
verify-invite-code = Eso es un código de invitación: envíelo como mensaje normal (sin /verify) para verificarse.
verify-expired-on = ⌛ El certificado { $code } («{ $course }», expedido el { $date }) caducó el { $expired }.
verify-valid-until = Válido hasta el { $date }.

## Verificación
verify-typed-phone = Pulse el botón «Compartir mi número de teléfono» que aparece abajo: un número escrito a mano no demuestra que sea suyo.
verify-already = Ya está verificado. Use el menú de abajo.
verify-withdrawn = Se le ha retirado el acceso: ya no figura en la lista de personal autorizado. Póngase en contacto con { $contact }. Si ha vuelto a la lista, verifíquese de nuevo con el botón de abajo.
access-contact-default = su responsable de formación

## /help para responsables y administradores
help-managing =
    Gestión de los cursos:
    /stats — cifras por curso
    /export — progreso de cada alumno (CSV)
    /invite ID — un código de invitación para una entrada de la lista
    /unbind ID — liberar una entrada vinculada a una cuenta
    /conflicts — entradas reclamadas por una segunda cuenta
    /revoke_certificate CÓDIGO — revocar un certificado
    /console — un enlace de acceso a la consola web
    /assign — asignar un curso a una cohorte, con fecha límite
    /assignments — los cursos asignados a las cohortes
    /announce — redactar un anuncio para los agentes
    /announcements — los anuncios recientes y su entrega
    Envíe un archivo .csv para sustituir la lista de personal autorizado.
help-administering =
    Administración:
    /grant_manager ID_USUARIO — nombrar una cuenta responsable de formación
    /revoke_manager ID_USUARIO — retirar el rol de responsable de formación

## /stats
stats-started = { $count -> 
    [one] { $count } persona lo empezó
   *[other] { $count } personas lo empezaron
 }
stats-completed = { $count -> 
    [one] { $count } completó todas las lecciones
   *[other] { $count } completaron todas las lecciones
 }
stats-attempted = { $count -> 
    [one] { $count } hizo el cuestionario final
   *[other] { $count } hicieron el cuestionario final
 }
stats-passed = { $count -> 
    [one] { $count } lo aprobó
   *[other] { $count } lo aprobaron
 }
stats-pass-rate = tasa de aprobación: { $rate }
stats-average-best = Media de la mejor puntuación de cada persona en el cuestionario final: { $average }
