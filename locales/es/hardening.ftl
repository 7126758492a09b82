## Refuerzo: límites contra los códigos adivinados, respuestas sobre roles, listas grandes.

verify-invites-paused = En la última hora se recibieron demasiados códigos de invitación erróneos, por lo que los códigos de invitación quedan suspendidos hasta las { $time } (UTC). Puede verificarse igualmente con «Compartir mi número de teléfono».
import-rehashed = { $count ->
    [one] Una entrada estaba guardada con una clave secreta anterior: la importación la vuelve a cifrar con la clave actual.
   *[other] { $count } entradas estaban guardadas con una clave secreta anterior: la importación las vuelve a cifrar con la clave actual.
}
role-admin-by-settings = La cuenta { $account } es administradora (LEARNBOT_ADMIN_IDS en la configuración), lo que incluye todos los comandos de responsable de formación. Solo un cambio en la configuración puede retirárselo.
certificate-lookups-limit = Ha comprobado muchos códigos de certificado en poco tiempo. Vuelva a intentarlo dentro de un minuto.
