# The runtime: messages about the service itself.
error-unavailable = El servicio de formación no está disponible por un momento. Inténtelo de nuevo dentro de un minuto; no se ha perdido nada de lo que hizo.
