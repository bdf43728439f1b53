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
complete -c kop -n "__fish_kop_needs_command" -f -a "topics" -d 'List topics and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_needs_command" -f -a "publish" -d 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
complete -c kop -n "__fish_kop_needs_command" -f -a "tail" -d 'Read events, decoded: by default the last 10 across partitions, oldest first'
complete -c kop -n "__fish_kop_needs_command" -f -a "dlq" -d 'Dead-letter queues: what is in them, and replaying letters to where they failed'
complete -c kop -n "__fish_kop_needs_command" -f -a "lag" -d 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
complete -c kop -n "__fish_kop_needs_command" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_needs_command" -f -a "config" -d 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
complete -c kop -n "__fish_kop_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and not __fish_seen_subcommand_from list apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand publish" -l value -d 'One event, given on the command line' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l file -d 'A file of events, one per line (NDJSON); - for stdin' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l key -d 'The key for every event' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-field -d 'Take each event\'s key from this field of the event (dotted path, e.g. user.id)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -s H -l header -d 'A header for every event (repeatable); KEY alone sends a null value' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l partition -d 'Send every event to this partition (default: by key)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l timestamp -d 'Event timestamp (default: now): epoch milliseconds (`1736845923000`), RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-1h`)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l format -d 'How to encode values' -r -f -a "json\t'JSON, validated'
avro\t'Avro in the Confluent wire format, from plain JSON'
raw\t'Bytes as given'"
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-format -d 'How to encode keys' -r -f -a "json\t'JSON, validated'
avro\t'Avro in the Confluent wire format, from plain JSON'
raw\t'Bytes as given'"
complete -c kop -n "__fish_kop_using_subcommand publish" -l schema-file -d 'Avro schema file for values (registered under the subject when new)' -r -F
complete -c kop -n "__fish_kop_using_subcommand publish" -l schema-id -d 'Avro schema id for values, as registered' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l subject -d 'Subject for values (default: from --subject-strategy)' -r
complete -c kop -n "__fish_kop_using_subcommand publish" -l key-schema-file -d 'Avro schema file for keys' -r -F
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
complete -c kop -n "__fish_kop_using_subcommand publish" -l transactional -d 'Publish everything in one transaction: all events or none'
complete -c kop -n "__fish_kop_using_subcommand publish" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand publish" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand publish" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand publish" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand tail" -s n -l lines -d 'How many events: the last N by default, the first N after --from' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l from -d 'Where to start: `beginning`, `end`, an OFFSET (`42`), or a time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-15m`)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l partition -d 'Only these partitions (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l format -d 'How to read values' -r -f -a "auto\t'Values: wire-format Avro, else JSON, else text, else base64. Keys: wire-format Avro, else text exactly as sent (never parsed as JSON), else base64'
json\t'JSON'
avro\t'Avro in the Confluent wire format'
raw\t'Text when UTF-8, else base64'"
complete -c kop -n "__fish_kop_using_subcommand tail" -l key-format -d 'How to read keys' -r -f -a "auto\t'Values: wire-format Avro, else JSON, else text, else base64. Keys: wire-format Avro, else text exactly as sent (never parsed as JSON), else base64'
json\t'JSON'
avro\t'Avro in the Confluent wire format'
raw\t'Text when UTF-8, else base64'"
complete -c kop -n "__fish_kop_using_subcommand tail" -l grep -d 'Only events whose key or value matches this regular expression' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l header -d 'Only events with this header (repeatable; all must match)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l group -d 'Consume as this consumer group and commit what was read (resumes where the group stopped; --from does not apply)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s o -l output -d 'Output format' -r -f -a "table\t'A header line and the value for people'
json\t'One JSON document per record'
ndjson\t'One JSON object per line'"
complete -c kop -n "__fish_kop_using_subcommand tail" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand tail" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand tail" -s f -l follow -d 'Keep reading new events until Ctrl-C'
complete -c kop -n "__fish_kop_using_subcommand tail" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand tail" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand tail" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand tail" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -s h -l help -d 'Print help'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "replay" -d 'Move dead letters back to the topic they failed on, unwrapped'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "stats" -d 'What is in a dead-letter queue and what is still pending replay'
complete -c kop -n "__fish_kop_using_subcommand dlq; and not __fish_seen_subcommand_from replay stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l topic -d 'Only letters that failed on this topic (repeatable)' -r
complete -c kop -n "__fish_kop_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l error -d 'Only letters whose error matches this regular expression' -r
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
complete -c kop -n "__fish_kop_using_subcommand lag" -l time -d 'Also show how old the oldest unconsumed record of each partition is'
complete -c kop -n "__fish_kop_using_subcommand lag" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand lag" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand lag" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand lag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand lag" -s V -l version -d 'Print version'
complete -c kop -n "__fish_kop_using_subcommand health" -l max-lag -d 'Fail when any consumer group\'s total lag is above N messages' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l max-dlq -d 'Fail when a dead-letter queue declared in topics.toml holds more than N pending letters' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and text for people'
json\t'One JSON document'"
complete -c kop -n "__fish_kop_using_subcommand health" -s F -l topics-file -d 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]' -r -F
complete -c kop -n "__fish_kop_using_subcommand health" -s b -l bootstrap -d 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l cluster -d 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config\'s `current`]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l registry -d 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s X -d 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)' -r
complete -c kop -n "__fish_kop_using_subcommand health" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]' -r
complete -c kop -n "__fish_kop_using_subcommand health" -s v -l verbose -d 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
complete -c kop -n "__fish_kop_using_subcommand health" -s q -l quiet -d 'Nothing on success but the data asked for; errors still show'
complete -c kop -n "__fish_kop_using_subcommand health" -l no-color -d 'No colour (also when NO_COLOR is set, or output is not a terminal)'
complete -c kop -n "__fish_kop_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kop -n "__fish_kop_using_subcommand health" -s V -l version -d 'Print version'
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
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "topics" -d 'List topics and reconcile them with topics.toml'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "publish" -d 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "tail" -d 'Read events, decoded: by default the last 10 across partitions, oldest first'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "dlq" -d 'Dead-letter queues: what is in them, and replaying letters to where they failed'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "lag" -d 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "health" -d 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "config" -d 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c kop -n "__fish_kop_using_subcommand help; and not __fish_seen_subcommand_from topics publish tail dlq lag health config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "apply" -d 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "replay" -d 'Move dead letters back to the topic they failed on, unwrapped'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "stats" -d 'What is in a dead-letter queue and what is still pending replay'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Cluster profiles from the topics file and the user config, and the one in use'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make NAME the current profile: sets `current` in the user config'
complete -c kop -n "__fish_kop_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Every resolved setting and where it came from, secrets masked; no network'
