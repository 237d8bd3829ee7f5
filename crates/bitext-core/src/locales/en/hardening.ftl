# Hardening (issue 27): files that are not regular files, unfinished git merges, control
# characters in translations, positions in bitext.toml, the lock, leftovers of killed writes,
# `init --git` in an existing workspace and `bitext doctor`.

# What a file that is not a regular file is
file-kind-fifo = a FIFO (named pipe)
file-kind-socket = a socket
file-kind-device = a device
file-kind-directory = a folder
file-kind-other = a special file

# A value of bitext.toml, at its place
error-config-value = { $path }:{ $line }:{ $column }: { $error }

# A workspace lock that holds no process id
error-broken-lock = { $path } { $what }, so no bitext command can be shown to own it: one was probably stopped between creating it and writing its process id. Check that no bitext command is running in this workspace, then delete { $path } and run the command again
lock-holds-nothing = is empty
lock-holds-garbage = holds “{ $text }” instead of a process id
lock-unreadable = cannot be read ({ $detail })

# `init --git` in an existing workspace
init-existing = { $path } exists already and is left as it is: only bitext's merge driver was set up.

# Control characters in translations
error-control-character = { $place }: { $unit }: the translation holds the control character { $code }; bitext refuses control characters other than tab and line breaks in translations: remove it
error-control-character-text = { $place }: the control character { $code }; bitext refuses control characters other than tab and line breaks in translations: remove it
control-unit = unit { $id }
control-tuv = the { $lang } text
control-segment = segment { $n } ({ $id })

# Unfinished git merges
error-unmerged = git lists { $path } as unmerged: a merge of it did not finish, and it may lack the other branch's translations. Make bitext's merge driver reachable (see `bitext doctor`), merge the file again with `git checkout -m -- { $path }`, settle each conflict it records with `bitext resolve`, then `git add { $path }` (which alone marks a merge you already settled as done)
error-conflict-markers = { $path }:{ $line }: git's conflict markers (<<<<<<<, =======, >>>>>>>): a merge made without bitext's merge driver left this file unfinished. Set the driver up (see `bitext doctor`), merge the file again with `git checkout -m -- { $path }` and settle each conflict with `bitext resolve`; or edit the markers out by hand, keeping the translations you want

# bitext doctor
help-doctor = Check that bitext's merge driver is set up where git can run it, and that no merge left a translation file unfinished
doctor-ok = ok: { $text }
doctor-problem = problem: { $text }
doctor-no-repository = This workspace is not in a git work tree: there is no merge driver to check.
doctor-registered = the merge driver is registered in git's configuration: { $command }
doctor-not-registered = the merge driver is not registered in git's configuration, so git merges translation files line by line: run `bitext init --git`, or { $command }
doctor-attributes = .gitattributes hands the files of { $folder }/ to the merge driver
doctor-no-attributes = .gitattributes does not hand the files of { $folder }/ to the merge driver (merge=bitext): run `bitext init --git`
doctor-reachable = git runs { $program } as bitext: { $found }
doctor-unreachable = git cannot run { $program } as bitext (not found on git's PATH, or not bitext), so a merge would keep one side of each translation file and drop the other's translations: put bitext on the PATH of whoever runs git merge, or register the driver with bitext's full path
doctor-unmerged = git lists { $path } as unmerged: see `bitext status`
