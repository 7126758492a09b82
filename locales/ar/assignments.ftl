# الدفعات وإسناد الدورات: /assign و/assignments والمواعيد النهائية في /courses وتصفية /stats.
command-assign = إسناد دورة إلى دفعة مع موعد نهائي
command-assignments = عرض إسنادات الدورات وإلغاؤها
assign-no-cohorts = لا توجد دفعات بعد. أضف عمود «cohort» إلى قائمة الأفراد (وافصل بين الأسماء المتعددة بالرمز |) ثم استوردها من جديد.
assign-choose-cohort = إسناد دورة: اختر الدفعة (عدد الأعضاء بين قوسين).
assign-choose-course = الدفعة «{ $cohort }»: اختر الدورة.
assign-choose-date = «{ $course }» للدفعة «{ $cohort }»: متى يجب إكمالها؟ اختر، أو اكتب التاريخ على نحو 2027-03-15.
assign-in-weeks =
    { $weeks ->
        [two] بعد أسبوعين
        [few] بعد { $weeks } أسابيع
       *[other] بعد { $weeks } أسبوعًا
    }
assign-bad-date = اكتب تاريخًا بعد اليوم، على نحو 2027-03-15، أو أرسل أي أمر للخروج.
assign-done =
    أُسندت «{ $course }» إلى «{ $cohort }» ({ $members ->
        [one] متدرب واحد
        [two] متدربان
        [few] { $members } متدربين
        [many] { $members } متدربًا
       *[other] { $members } متدرب
    }) على أن تُكمَل بحلول { $date }. ستظهر لهم أولًا في /courses، مع تذكير قبل الموعد بسبعة أيام وبيوم واحد.
assign-updated =
    أصبح الموعد النهائي لإكمال «{ $course }» في الدفعة «{ $cohort }» ({ $members ->
        [one] متدرب واحد
        [two] متدربان
        [few] { $members } متدربين
        [many] { $members } متدربًا
       *[other] { $members } متدرب
    }) هو { $date }.
assignments-title = إسنادات الدورات
assignments-none = لا توجد دورات مسندة. استخدم /assign لإسناد دورة إلى دفعة.
assignments-line = { $cohort } · { $course } · حتى { $date }
assignments-line-overdue = { $cohort } · { $course } · انقضى الموعد في { $date }
assignments-cancel-button = ✖️ { $cohort } · { $course }
assignments-cancelled = أُلغي الإسناد.
catalogue-due = { $course } · حتى { $date }
catalogue-overdue = ⚠️ { $course } · متأخرة منذ { $date }
stats-by-cohort = 👥 حسب الدفعة…
stats-by-country = 🌍 حسب البلد…
stats-everyone = جميع المتدربين
stats-export-these = ⬇️ تصدير هذه البيانات
stats-choose = عرض أرقام:
stats-filtered = الأرقام الخاصة بـ{ $filter }
stats-filter-cohort = الدفعة «{ $name }»
stats-filter-country = البلد { $country }
