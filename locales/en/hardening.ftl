## Hardening: limits on guessing codes, role answers, large list uploads.

verify-invites-paused = Too many wrong invite codes reached the bot in the last hour, so invite codes are paused until { $time } (UTC). You can still verify with “Share my phone number”.
import-rehashed = { $count ->
    [one] One entry was stored under an older secret key: the import re-hashes it under the current key.
   *[other] { $count } entries were stored under an older secret key: the import re-hashes them under the current key.
}
