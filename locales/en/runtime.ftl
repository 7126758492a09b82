# The runtime: messages about the service itself.
error-unavailable = The training service is briefly unavailable. Please try again in a minute; nothing you did is lost.
