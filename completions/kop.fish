# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kop_global_optspecs
    string join \n f/file= b/bootstrap= cluster= registry= X= o/output= timeout= v/verbose q/quiet no-color yes h/help V/version
end

function __fish_kop_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kop_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kop_using_subcommand
    set -l cmd (__fish_kop_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kop -n "__fish_kop_needs_command" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_needs_command" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_needs_command" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_needs_command" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_needs_command" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_needs_command" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_needs_command" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_needs_command" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_needs_command" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_needs_command" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_needs_command" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_needs_command" -f -a "topics" -d 'List topics and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_needs_command" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l all -d 'Include internal topics (names starting with `_`)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l only -d 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l wait -d 'Wait up to this long for the cluster to answer before planning (e.g. 60s)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print the plan and change nothing'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l check -d 'Change nothing; exit 3 when the cluster differs from the file, 0 when it matches'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l delete-unmanaged -d 'Delete topics the file does not declare (never internal or protected ones)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l prune-configs -d 'Remove topic configs the file does not declare (back to the broker\'s defaults)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand health" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand health" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand health" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand health" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_using_subcommand health" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand health" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand health" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand completions" -s f -l file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand completions" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand completions" -l cluster -d 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]' -r
complete -c kop -n "__fish_kop_using_subcommand completions" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand completions" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
ndjson\t'One JSON object per line'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand completions" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m)' -r
complete -c kop -n "__fish_kop_using_subcommand completions" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand completions" -s q -l quiet -d 'Only errors and data'
complete -c kop -n "__fish_kop_using_subcommand completions" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand completions" -l yes -d 'Answer yes to confirmations (required for destructive steps without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand completions" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics health completions help" -f -a "topics" -d 'List topics and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics health completions help" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics health completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics health completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
