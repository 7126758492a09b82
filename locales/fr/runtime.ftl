# The runtime: messages about the service itself.
error-unavailable = Le service de formation est momentanément indisponible. Veuillez réessayer dans une minute ; rien de ce que vous avez fait n’est perdu.
