## Hardening: limits on guessing codes, role answers, large list uploads.

verify-invites-paused = Too many wrong invite codes reached the bot in the last hour, so invite codes are paused until { $time } (UTC). You can still verify with “Share my phone number”.
import-rehashed = { $count ->
    [one] One entry was stored under an older secret key: the import re-hashes it under the current key.
   *[other] { $count } entries were stored under an older secret key: the import re-hashes them under the current key.
}
role-admin-by-settings = Account { $account } is an administrator (LEARNBOT_ADMIN_IDS in the settings), which includes every course-manager command. Only a change to the settings withdraws it.
certificate-lookups-limit = You have checked many certificate codes in a short time. Please try again in a minute.
