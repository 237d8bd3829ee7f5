# clap's own texts (usage errors, help notes) and the error line, rendered by bitext
# (src/ui/clap_text.rs, src/ui/cli.rs). The English follows clap's wording.

error-line = error: { $message }
clap-tip = tip: { $tip }
clap-try-help = For more information, try '{ $flag }'.
clap-quoted = '{ $value }'
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-value-required = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = [possible values: { $values }]
clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $detail }
clap-not-a-whole-number = a whole number (0, 1, 2, …) is expected
clap-not-a-number = a number is expected
clap-invalid-subcommand = unrecognized subcommand '{ $subcommand }'
clap-missing-subcommand = '{ $command }' requires a subcommand but one was not provided
clap-subcommands = [subcommands: { $values }]
clap-missing-required = { $count ->
    [one] the following required argument was not provided:
   *[other] the following required arguments were not provided:
}
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-too-few-values = { $min } values required by '{ $arg }'; only { $actual } { $actual ->
    [one] was provided
   *[other] were provided
}
clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual } { $actual ->
    [one] was provided
   *[other] were provided
}
clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-invalid-command-line = invalid command line
clap-repeated-argument = the argument '{ $arg }' cannot be used multiple times
clap-conflict = the argument '{ $arg }' cannot be used with { $others }
clap-conflict-subcommand = the subcommand '{ $subcommand }' cannot be used with { $others }
clap-similar-subcommand = { $count ->
    [one] a similar subcommand exists: { $values }
   *[other] some similar subcommands exist: { $values }
}
clap-similar-argument = { $count ->
    [one] a similar argument exists: { $values }
   *[other] some similar arguments exist: { $values }
}
clap-similar-value = { $count ->
    [one] a similar value exists: { $values }
   *[other] some similar values exist: { $values }
}
clap-tip-value-after-dashes = to pass '{ $arg }' as a value, use '-- { $arg }'
clap-tip-remove-dashes = subcommand '{ $subcommand }' exists; to use it, remove the '--' before it
clap-tip-exists = '{ $usage }' exists

## Notes after an option's help

# Words of the usage line.
help-usage-options = [OPTIONS]
help-usage-command = COMMAND
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
# What goes between a help heading and its colon: nothing in English.
help-space-before-colon = { "" }

## Operating system errors (src/ui/os_text.rs): a sentence, then the system's error number

os-known = { $sentence } (os error { $code })
os-other = system error ({ $detail })
os-not-found = no such file or directory
os-permission-denied = permission denied
os-already-exists = it already exists
os-is-a-directory = it is a directory
os-not-a-directory = a part of the path is not a directory
os-directory-not-empty = the directory is not empty
os-read-only-filesystem = the file system is read-only
os-storage-full = no space left on the disk
os-file-too-large = the file is too large
os-invalid-data = the content is not valid UTF-8 text
os-invalid-filename = the file name is invalid or too long
os-resource-busy = the file is busy
os-interrupted = the operation was interrupted
os-out-of-memory = out of memory
os-unexpected-eof = the file ended unexpectedly
