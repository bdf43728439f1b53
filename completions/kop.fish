# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kop_global_optspecs
    string join \n F/topics-file= b/bootstrap= cluster= registry= X= timeout= v/verbose q/quiet no-color h/help V/version
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

complete -c kop -n "__fish_kop_needs_command" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_needs_command" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_needs_command" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_needs_command" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_needs_command" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_needs_command" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_needs_command" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_needs_command" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_needs_command" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_needs_command" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_needs_command" -f -a "topics" -d 'List, describe and export topics, and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_needs_command" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete'
complete -c kop -n "__fish_kop_needs_command" -f -a "publish" -d 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
complete -c kop -n "__fish_kop_needs_command" -f -a "tail" -d 'Read events, decoded: by default the last 10 across partitions, oldest first'
complete -c kop -n "__fish_kop_needs_command" -f -a "copy" -d 'Copy events from one topic to another, on the same cluster or another profile\'s'
complete -c kop -n "__fish_kop_needs_command" -f -a "dlq" -d 'Dead-letter queues: what is in them, and replaying letters to where they failed'
complete -c kop -n "__fish_kop_needs_command" -f -a "lag" -d 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
complete -c kop -n "__fish_kop_needs_command" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_needs_command" -f -a "schemas" -d 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete'
complete -c kop -n "__fish_kop_needs_command" -f -a "config" -d 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
complete -c kop -n "__fish_kop_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -f -a "describe" -d 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -f -a "export" -d 'Write a topics.toml for the topics on the cluster, to stdout'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply describe export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l all -d 'Include internal topics (names starting with `_`)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l only -d 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l wait -d 'Wait up to this long for the cluster to answer before planning (e.g. 60s)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print the plan and change nothing'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l check -d 'Change nothing; exit 3 when the cluster differs from the file, 0 when it matches'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l delete-unmanaged -d 'Delete topics the file does not declare (never internal or protected ones)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l prune-configs -d 'Remove topic configs the file does not declare (back to the broker\'s defaults)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -l all-configs -d 'Every config, the broker\'s defaults included (default: those set on the topic or the broker)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -l only -d 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "toml\t'A topics.toml'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a topics.toml for the topics on the cluster, to stdout'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "list" -d 'Consumer groups with state, protocol type, members, topics and total lag'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "describe" -d 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "reset" -d 'Move a group\'s committed offsets, after a plan and a confirmation'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete" -d 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
complete -c kop -n "__fish_kop_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l state -d 'Only groups in this state: stable, empty, preparing-rebalance, completing-rebalance, dead (repeatable, or comma separated)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l topic -d 'Only groups that committed offsets for, or are assigned, this topic; lag is then counted on it alone (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l pattern -d 'Only groups whose name matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -l time -d 'Also show how old the oldest unconsumed record of each partition is'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to -d 'To the earliest or the latest offset of each partition' -r -f -a "earliest\t'The earliest offset still in each partition: re-read everything'
latest\t'The end of each partition: skip everything not yet read'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-offset -d 'To this offset in each partition' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-datetime -d 'To the first record at or after this time (ListOffsets by timestamp): RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l by-duration -d 'To the first record of this long ago (e.g. `1h`: the offsets of one hour ago)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l shift-by -d 'Move each partition\'s committed offset by N (negative: back, to re-read)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-group -d 'To the positions another group has committed' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l from-file -d 'To the offsets in a file: the CSV of `kafka-consumer-groups --export` (topic,partition,offset) or a plan from `kop groups reset -o json`' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l topic -d 'The partitions to reset: a topic\'s, or some of them with `T:0,1` (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l export -d 'Also write the plan as kafka-consumer-groups CSV to this file (`-`: stdout, in place of the table)' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l all-topics -d 'Every partition the group has committed offsets for'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l dry-run -d 'Print the plan and change nothing'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l topic -d 'The topic whose committed offsets go, or some partitions with `T:0,1` (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from delete-offsets" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'Consumer groups with state, protocol type, members, topics and total lag'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Move a group\'s committed offsets, after a plan and a confirmation'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
complete -c kop -n "__fish_kop_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand publish" -l value -d 'One event, given on the command line' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l file -d 'A file of events, one per line (NDJSON); - for stdin' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l value-file -d 'One event whose value is this file: JSON by default (checked; a final newline is dropped), any bytes exactly as they are with --format raw' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l records -d 'Restore a dump of `kop tail --dump` (a file, or - for stdin): each record\'s key, value, headers and timestamp sent exactly as they were read' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l key -d 'The key for every event' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-field -d 'Take each event\'s key from this field of the event (dotted path, e.g. user.id)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -s K -l key-separator -d 'Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as kafka-console-producer\'s parse.key and kcat\'s -K; \'\\t\' is a tab)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -s H -l header -d 'A header for every event (repeatable); KEY alone sends a null value' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -s p -l partition -d 'Send every event to this partition (default: by key)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l timestamp -d 'Event timestamp (default: now): epoch milliseconds (`1736845923000`), RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-1h`)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l format -d 'How to encode values' -r -f -a "json\t'JSON, validated'
avro\t'Avro in the Confluent wire format, from plain JSON'
json-schema\t'JSON checked against a JSON Schema, in the Confluent wire format'
protobuf\t'Protobuf in the Confluent wire format, from plain JSON (the proto3 JSON mapping)'
raw\t'Bytes as given'"
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-format -d 'How to encode keys' -r -f -a "json\t'JSON, validated'
avro\t'Avro in the Confluent wire format, from plain JSON'
json-schema\t'JSON checked against a JSON Schema, in the Confluent wire format'
protobuf\t'Protobuf in the Confluent wire format, from plain JSON (the proto3 JSON mapping)'
raw\t'Bytes as given'"
complete -c kop -n "__fish_kop_using_subcommand publish" -l schema-file -d 'Schema file for values, of the --format\'s type (.avsc, .json, .proto); registered under the subject when new, with what it imports' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l schema-id -d 'Schema id for values, as registered' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l message -d 'The Protobuf message values are (full name, e.g. com.kidsafe.events.ChildRegistered) [default: the first message in the file]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l proto-path -d 'A directory where a .proto file\'s imports are found (repeatable), after the file\'s own directory; imports found in neither are subjects of their name in the registry' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l subject -d 'Subject for values (default: from --subject-strategy)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-schema-file -d 'Schema file for keys, of the --key-format\'s type' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-message -d 'The Protobuf message keys are [default: the first message in the file]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-subject -d 'Subject for keys (default: from --subject-strategy)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l subject-strategy -d 'How subjects are named' -r -f -a "topic\t'<topic>-key / <topic>-value'
record\t'the record\'s full name'
topic-record\t'<topic>-<record full name>'"
complete -c kop -n "__fish_kop_using_subcommand publish" -l partitioner -d 'How keys map to partitions [default: the profile\'s `partitioner`, else murmur2_random: the Java client\'s hash, so keys land where Java, Spring, Streams and Connect producers put them]' -r -f -a "murmur2_random\t''
murmur2\t''
consistent_random\t''
consistent\t''
fnv1a_random\t''
fnv1a\t''
random\t''"
complete -c kop -n "__fish_kop_using_subcommand publish" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand publish" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l tombstone -d 'One event with a null value (a tombstone: deletes the key from a compacted topic); needs --key'
complete -c kop -n "__fish_kop_using_subcommand publish" -l keep-partition -d 'With --records: each record to the partition number it was dumped from (refused when the topic has fewer) [default: by key, with the partitioner]'
complete -c kop -n "__fish_kop_using_subcommand publish" -l transactional -d 'Publish everything in one transaction: all events or none'
complete -c kop -n "__fish_kop_using_subcommand publish" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand publish" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand publish" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand publish" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand tail" -s n -l lines -d 'How many events: the last N by default, the first N after --from' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l from -d 'Where to start: `beginning`, `end`, an OFFSET (`42`), or a time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-15m`)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l until -d 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `@1736848800000`, `-5m`); that event is not read. Needs --from or --dump' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s p -l partition -d 'Only these partitions (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l format -d 'How to read values' -r -f -a "auto\t'Values: the Confluent wire format (Avro, JSON Schema or Protobuf, as the writer schema\'s type says), else JSON, else text, else base64. Keys: the wire format, else text exactly as sent (never parsed as JSON), else base64'
json\t'JSON'
avro\t'Avro in the Confluent wire format'
json-schema\t'JSON Schema in the Confluent wire format'
protobuf\t'Protobuf in the Confluent wire format, printed as proto3 JSON'
raw\t'Text when UTF-8 (a stray control character is shown escaped), else base64 (binary)'"
complete -c kop -n "__fish_kop_using_subcommand tail" -l key-format -d 'How to read keys' -r -f -a "auto\t'Values: the Confluent wire format (Avro, JSON Schema or Protobuf, as the writer schema\'s type says), else JSON, else text, else base64. Keys: the wire format, else text exactly as sent (never parsed as JSON), else base64'
json\t'JSON'
avro\t'Avro in the Confluent wire format'
json-schema\t'JSON Schema in the Confluent wire format'
protobuf\t'Protobuf in the Confluent wire format, printed as proto3 JSON'
raw\t'Text when UTF-8 (a stray control character is shown escaped), else base64 (binary)'"
complete -c kop -n "__fish_kop_using_subcommand tail" -l grep -d 'Only events whose key or value matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l header -d 'Only events with this header (repeatable; all must match)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l group -d 'Consume as this consumer group and commit what was read (resumes where the group stopped; the group assigns the partitions, so --from and --partition do not apply)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s K -l key-separator -d 'Print KEY<SEP>VALUE lines, one per event (as kcat\'s -K; \'\\t\' is a tab)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s o -l output -d 'Output format: table, json (one array) or ndjson [default: table on a terminal, ndjson when piped]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand tail" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s f -l follow -d 'Keep reading new events until Ctrl-C'
complete -c kop -n "__fish_kop_using_subcommand tail" -l dump -d 'Write a dump that `kop publish --records` restores exactly: NDJSON from the beginning (or --from), keys and values as text or base64, never decoded'
complete -c kop -n "__fish_kop_using_subcommand tail" -s e -d 'kcat\'s -e: not needed, kop tail stops at the end unless -f follows'
complete -c kop -n "__fish_kop_using_subcommand tail" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand tail" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand tail" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand tail" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand copy" -l to-cluster -d 'Copy to the cluster of this profile ([clusters.NAME]), with its own Schema Registry; the environment\'s connection variables stay with the source [default: the source\'s cluster]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l from -d 'Where a new cursor starts: `beginning`, `end`, an OFFSET (`42`), or a TIME (`2025-01-14T09:12:03Z`, `@1736845923000`, `-15m`) [default: beginning]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l until -d 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `-5m`); that event is not copied' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -s p -l partition -d 'Only these partitions (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l grep -d 'Only events whose key or value (decoded, as tail prints them) matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l header -d 'Only events with this header (repeatable; all must match)' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l rate -d 'At most this many events a second' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l partitioner -d 'How keys map to the target\'s partitions [default: the target profile\'s `partitioner`, else murmur2_random, the Java client\'s hash]' -r -f -a "murmur2_random\t''
murmur2\t''
consistent_random\t''
consistent\t''
fnv1a_random\t''
fnv1a\t''
random\t''"
complete -c kop -n "__fish_kop_using_subcommand copy" -l subject-strategy -d 'How the target\'s subjects are named when schemas are registered there' -r -f -a "topic\t'<topic>-key / <topic>-value'
record\t'the record\'s full name'
topic-record\t'<topic>-<record full name>'"
complete -c kop -n "__fish_kop_using_subcommand copy" -l cursor -d 'Name the cursor (a consumer group on the source) instead of deriving it from the topics, the target cluster and the filters' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand copy" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand copy" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand copy" -s f -l follow -d 'Keep copying events as they arrive, until Ctrl-C'
complete -c kop -n "__fish_kop_using_subcommand copy" -l keep-partition -d 'Each event to the partition number it has on the source (refused when the target has fewer) [default: by key, with the partitioner]'
complete -c kop -n "__fish_kop_using_subcommand copy" -l keep-schema-ids -d 'Copy wire-format payloads with their schema ids as they are (both clusters share one registry), instead of registering each schema on the target and rewriting ids'
complete -c kop -n "__fish_kop_using_subcommand copy" -l no-transactions -d 'At-least-once even within one cluster, where transactions make a copy exactly once'
complete -c kop -n "__fish_kop_using_subcommand copy" -l dry-run -d 'Count what would be copied and which schemas registered; change nothing'
complete -c kop -n "__fish_kop_using_subcommand copy" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand copy" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand copy" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand copy" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand copy" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "replay" -d 'Move dead letters back to the topic they failed on, unwrapped'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "stats" -d 'What is in a dead-letter queue and what is still pending replay'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l topic -d 'Only letters that failed on this topic (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l error -d 'Only letters whose error matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l where -d 'Only letters whose original event has this field value, as FIELD=VALUE (dotted path, e.g. child_id=7f0c2a1e-...; repeatable, all must match); JSON, and Avro, JSON Schema and Protobuf payloads through the Schema Registry, are decoded to match' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l since -d 'Only letters that failed at or after this time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l until -d 'Only letters that failed at or before this time (the same forms: `-30m`, `2025-01-14T10:00:00Z`)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l limit -d 'Stop after this many letters (replayed or parked); the next run continues' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l to -d 'Send every letter to this topic instead of its original' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l rate -d 'At most this many letters a second' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l max-retries -d 'Letters already retried this many times go to the parking topic instead' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l park-topic -d 'Park letters here: those retried too often, and those with nowhere to go (without a parking topic, the cursor stops before an unroutable letter) [default with --max-retries: <dlq>.parked]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l cursor -d 'Name the cursor (consumer group) instead of deriving it from the filters' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l partitioner -d 'How keys map to partitions [default: the profile\'s `partitioner`, else murmur2_random: the Java client\'s hash, so keys land where Java, Spring, Streams and Connect producers put them]' -r -f -a "murmur2_random\t''
murmur2\t''
consistent_random\t''
consistent\t''
fnv1a_random\t''
fnv1a\t''
random\t''"
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l dry-run -d 'Show what would go where, change nothing'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l skip-unroutable -d 'Unroutable letters do not make the exit code 3 (the cursor still stops before them)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l again -d 'Replay letters again that the ledger says were already replayed (by this or another cursor); their kop.replay.count goes up'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l follow -d 'Keep replaying letters as they arrive, until Ctrl-C'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l no-transactions -d 'At-least-once even where the broker supports transactions'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l cursor -d 'Count as pending what is after this replay cursor [default: kop-replay.<dlq>]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l where -d 'Count only letters whose original event has this field value, as FIELD=VALUE (repeatable, all must match), decoded as `dlq replay --where` decodes them' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Move dead letters back to the topic they failed on, unwrapped'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "stats" -d 'What is in a dead-letter queue and what is still pending replay'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand lag" -l topic -d 'Only these topics (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l pattern -d 'Only groups whose name matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l by -d 'Level of detail in the table' -r -f -a "group\t'One row per group'
topic\t'One row per group and topic'
partition\t'One row per partition'"
complete -c kop -n "__fish_kop_using_subcommand lag" -l threshold -d 'Exit 3 when a group\'s lag is above N messages' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l max-age -d 'Exit 3 when a group\'s oldest unconsumed record is older than this (implies --time)' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l watch -d 'Redraw every INTERVAL with consumption rates and catch-up estimates, until Ctrl-C' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand lag" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand lag" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand lag" -l all -d 'Also show groups with no lag'
complete -c kop -n "__fish_kop_using_subcommand lag" -l replay-cursors -d 'Also count kop\'s own dead-letter replay cursors (kop-replay.*; `kop dlq stats` reports them)'
complete -c kop -n "__fish_kop_using_subcommand lag" -l time -d 'Also show how old the oldest unconsumed record of each partition is'
complete -c kop -n "__fish_kop_using_subcommand lag" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand lag" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand lag" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand lag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand lag" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand health" -l max-lag -d 'Fail when any consumer group\'s total lag is above N messages' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l max-dlq -d 'Fail when a dead-letter queue declared in topics.toml holds more than N pending letters' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s o -l output -d 'Output format (prometheus: one 0/1 gauge per check and the broker count, for node_exporter\'s textfile collector)' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'
prometheus\t'Prometheus text exposition format'"
complete -c kop -n "__fish_kop_using_subcommand health" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand health" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l replay-cursors -d 'Also hold kop\'s own dead-letter replay cursors (kop-replay.*) to --max-lag'
complete -c kop -n "__fish_kop_using_subcommand health" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand health" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand health" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand health" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "list" -d 'Subjects with their latest version, id, type, compatibility level and topic'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "show" -d 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "check" -d 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "diff" -d 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject\'s compatibility level; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "register" -d 'Register a schema file under a subject (a schema it already has keeps its version)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "compatibility" -d 'Show or set the compatibility level of a subject, or the registry\'s global one'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "delete" -d 'Delete a subject, or one version of it: soft first, then --permanent'
complete -c kop -n "__fish_kop_using_subcommand schemas; and not __fish_seen_subcommand_from list show check diff register compatibility delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l pattern -d 'Only subjects whose name matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l subject-strategy -d 'How subjects are named after topics, for the TOPIC column' -r -f -a "topic\t'<topic>-key / <topic>-value'
record\t'the record\'s full name'
topic-record\t'<topic>-<record full name>'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l deleted -d 'Include soft-deleted subjects'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l version -d 'Which version: a number, or latest' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (json: the registry\'s record)' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l versions -d 'List the subject\'s versions (id and type of each) instead of showing one'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l deleted -d 'Also find soft-deleted versions'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l subject -d 'The subject to check FILE against' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l type -d 'The schema\'s type [default: from the extension (.avsc, .proto), else the subject\'s, else from the text]' -r -f -a "avro\t'Apache Avro (.avsc)'
json\t'JSON Schema'
protobuf\t'Protocol Buffers (.proto)'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l reference -d 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject\'s latest)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l subject -d 'The subject to compare with' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l version -d 'Which version to compare with: a number, or latest' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l level -d 'Judge the changes under this level instead of the subject\'s' -r -f -a "NONE\t'No check'
BACKWARD\t'New schemas read data written with the latest one'
BACKWARD_TRANSITIVE\t'New schemas read data written with every earlier one'
FORWARD\t'The latest schema reads data written with new ones'
FORWARD_TRANSITIVE\t'Every earlier schema reads data written with new ones'
FULL\t'Backward and forward, with the latest schema'
FULL_TRANSITIVE\t'Backward and forward, with every earlier schema'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l subject -d 'The subject to register it under' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l type -d 'The schema\'s type [default: from the extension (.avsc, .proto), else the subject\'s, else from the text]' -r -f -a "avro\t'Apache Avro (.avsc)'
json\t'JSON Schema'
protobuf\t'Protocol Buffers (.proto)'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l reference -d 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject\'s latest)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l set -d 'Set the level' -r -f -a "NONE\t'No check'
BACKWARD\t'New schemas read data written with the latest one'
BACKWARD_TRANSITIVE\t'New schemas read data written with every earlier one'
FORWARD\t'The latest schema reads data written with new ones'
FORWARD_TRANSITIVE\t'Every earlier schema reads data written with new ones'
FULL\t'Backward and forward, with the latest schema'
FULL_TRANSITIVE\t'Backward and forward, with every earlier schema'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l unset -d 'Remove the subject\'s own level, so that the global one applies'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from compatibility" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l version -d 'Only this version (a number, or latest)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l permanent -d 'Delete for good what an earlier (soft) delete hid; ids stop resolving'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l yes -d 'Answer yes to the confirmation (required without a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "list" -d 'Subjects with their latest version, id, type, compatibility level and topic'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "show" -d 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "check" -d 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject\'s compatibility level; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a schema file under a subject (a schema it already has keeps its version)'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "compatibility" -d 'Show or set the compatibility level of a subject, or the registry\'s global one'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a subject, or one version of it: soft first, then --permanent'
complete -c kop -n "__fish_kop_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -f -a "list" -d 'Cluster profiles from the topics file and the user config, and the one in use'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -f -a "use" -d 'Make NAME the current profile: sets `current` in the user config'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -f -a "show" -d 'Every resolved setting and where it came from, secrets masked; no network'
complete -c kop -n "__fish_kop_using_subcommand config; and not __fish_seen_subcommand_from list use show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Cluster profiles from the topics file and the user config, and the one in use'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make NAME the current profile: sets `current` in the user config'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Every resolved setting and where it came from, secrets masked; no network'
complete -c kop -n "__fish_kop_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand completions" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand completions" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "topics" -d 'List, describe and export topics, and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "publish" -d 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "tail" -d 'Read events, decoded: by default the last 10 across partitions, oldest first'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "copy" -d 'Copy events from one topic to another, on the same cluster or another profile\'s'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "dlq" -d 'Dead-letter queues: what is in them, and replaying letters to where they failed'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "lag" -d 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "schemas" -d 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "config" -d 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics groups publish tail copy dlq lag health schemas config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "export" -d 'Write a topics.toml for the topics on the cluster, to stdout'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'Consumer groups with state, protocol type, members, topics and total lag'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset" -d 'Move a group\'s committed offsets, after a plan and a confirmation'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "replay" -d 'Move dead letters back to the topic they failed on, unwrapped'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "stats" -d 'What is in a dead-letter queue and what is still pending replay'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "list" -d 'Subjects with their latest version, id, type, compatibility level and topic'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "show" -d 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "check" -d 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "diff" -d 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject\'s compatibility level; exit 3 when one is not'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "register" -d 'Register a schema file under a subject (a schema it already has keeps its version)'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "compatibility" -d 'Show or set the compatibility level of a subject, or the registry\'s global one'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "delete" -d 'Delete a subject, or one version of it: soft first, then --permanent'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Cluster profiles from the topics file and the user config, and the one in use'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make NAME the current profile: sets `current` in the user config'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Every resolved setting and where it came from, secrets masked; no network'
