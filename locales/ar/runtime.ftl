# The runtime: messages about the service itself.
error-unavailable = خدمة التدريب غير متاحة مؤقتًا. يرجى المحاولة مرة أخرى بعد دقيقة؛ لم يضِع شيء مما أنجزته.
