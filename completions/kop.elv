
use builtin;
use str;

set edit:completion:arg-completer[kop] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'kop'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'kop'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand topics 'List, describe and export topics, and reconcile them with topics.toml'
            cand groups 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete'
            cand publish 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
            cand tail 'Read events, decoded: by default the last 10 across partitions, oldest first'
            cand copy 'Copy events from one topic to another, on the same cluster or another profile''s'
            cand dlq 'Dead-letter queues: what is in them, and replaying letters to where they failed'
            cand lag 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
            cand health 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
            cand schemas 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete'
            cand config 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
            cand describe 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
            cand export 'Write a topics.toml for the topics on the cluster, to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --all 'Include internal topics (names starting with `_`)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;apply'= {
            cand --only 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)'
            cand --wait 'Wait up to this long for the cluster to answer before planning (e.g. 60s)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --dry-run 'Print the plan and change nothing'
            cand --check 'Change nothing; exit 3 when the cluster differs from the file, 0 when it matches'
            cand --delete-unmanaged 'Delete topics the file does not declare (never internal or protected ones)'
            cand --prune-configs 'Remove topic configs the file does not declare (back to the broker''s defaults)'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;describe'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --all-configs 'Every config, the broker''s defaults included (default: those set on the topic or the broker)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;export'= {
            cand --only 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;help'= {
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
            cand describe 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
            cand export 'Write a topics.toml for the topics on the cluster, to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics;help;list'= {
        }
        &'kop;topics;help;apply'= {
        }
        &'kop;topics;help;describe'= {
        }
        &'kop;topics;help;export'= {
        }
        &'kop;topics;help;help'= {
        }
        &'kop;groups'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Consumer groups with state, protocol type, members, topics and total lag'
            cand describe 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
            cand reset 'Move a group''s committed offsets, after a plan and a confirmation'
            cand delete 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
            cand delete-offsets 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;groups;list'= {
            cand --state 'Only groups in this state: stable, empty, preparing-rebalance, completing-rebalance, dead (repeatable, or comma separated)'
            cand --topic 'Only groups that committed offsets for, or are assigned, this topic; lag is then counted on it alone (repeatable)'
            cand --pattern 'Only groups whose name matches this regular expression'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;groups;describe'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --time 'Also show how old the oldest unconsumed record of each partition is'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;groups;reset'= {
            cand --to 'To the earliest or the latest offset of each partition'
            cand --to-offset 'To this offset in each partition'
            cand --to-datetime 'To the first record at or after this time (ListOffsets by timestamp): RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)'
            cand --by-duration 'To the first record of this long ago (e.g. `1h`: the offsets of one hour ago)'
            cand --shift-by 'Move each partition''s committed offset by N (negative: back, to re-read)'
            cand --to-group 'To the positions another group has committed'
            cand --from-file 'To the offsets in a file: the CSV of `kafka-consumer-groups --export` (topic,partition,offset) or a plan from `kop groups reset -o json`'
            cand --topic 'The partitions to reset: a topic''s, or some of them with `T:0,1` (repeatable)'
            cand --export 'Also write the plan as kafka-consumer-groups CSV to this file (`-`: stdout, in place of the table)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --all-topics 'Every partition the group has committed offsets for'
            cand --dry-run 'Print the plan and change nothing'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;groups;delete'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;groups;delete-offsets'= {
            cand --topic 'The topic whose committed offsets go, or some partitions with `T:0,1` (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;groups;help'= {
            cand list 'Consumer groups with state, protocol type, members, topics and total lag'
            cand describe 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
            cand reset 'Move a group''s committed offsets, after a plan and a confirmation'
            cand delete 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
            cand delete-offsets 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;groups;help;list'= {
        }
        &'kop;groups;help;describe'= {
        }
        &'kop;groups;help;reset'= {
        }
        &'kop;groups;help;delete'= {
        }
        &'kop;groups;help;delete-offsets'= {
        }
        &'kop;groups;help;help'= {
        }
        &'kop;publish'= {
            cand --value 'One event, given on the command line'
            cand --file 'A file of events, one per line (NDJSON); - for stdin'
            cand --value-file 'One event whose value is this file: JSON by default (checked; a final newline is dropped), any bytes exactly as they are with --format raw'
            cand --records 'Restore a dump of `kop tail --dump` (a file, or - for stdin): each record''s key, value, headers and timestamp sent exactly as they were read'
            cand --key 'The key for every event'
            cand --key-field 'Take each event''s key from this field of the event (dotted path, e.g. user.id)'
            cand -K 'Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as kafka-console-producer''s parse.key and kcat''s -K; ''\t'' is a tab)'
            cand --key-separator 'Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as kafka-console-producer''s parse.key and kcat''s -K; ''\t'' is a tab)'
            cand -H 'A header for every event (repeatable); KEY alone sends a null value'
            cand --header 'A header for every event (repeatable); KEY alone sends a null value'
            cand -p 'Send every event to this partition (default: by key)'
            cand --partition 'Send every event to this partition (default: by key)'
            cand --timestamp 'Event timestamp (default: now): epoch milliseconds (`1736845923000`), RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-1h`)'
            cand --format 'How to encode values'
            cand --key-format 'How to encode keys'
            cand --schema-file 'Schema file for values, of the --format''s type (.avsc, .json, .proto); registered under the subject when new, with what it imports'
            cand --schema-id 'Schema id for values, as registered'
            cand --message 'The Protobuf message values are (full name, e.g. com.kidsafe.events.ChildRegistered) [default: the first message in the file]'
            cand --proto-path 'A directory where a .proto file''s imports are found (repeatable), after the file''s own directory; imports found in neither are subjects of their name in the registry'
            cand --subject 'Subject for values (default: from --subject-strategy)'
            cand --key-schema-file 'Schema file for keys, of the --key-format''s type'
            cand --key-message 'The Protobuf message keys are [default: the first message in the file]'
            cand --key-subject 'Subject for keys (default: from --subject-strategy)'
            cand --subject-strategy 'How subjects are named'
            cand --partitioner 'How keys map to partitions [default: the profile''s `partitioner`, else murmur2_random: the Java client''s hash, so keys land where Java, Spring, Streams and Connect producers put them]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --tombstone 'One event with a null value (a tombstone: deletes the key from a compacted topic); needs --key'
            cand --keep-partition 'With --records: each record to the partition number it was dumped from (refused when the topic has fewer) [default: by key, with the partitioner]'
            cand --transactional 'Publish everything in one transaction: all events or none'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;tail'= {
            cand -n 'How many events: the last N by default, the first N after --from'
            cand --lines 'How many events: the last N by default, the first N after --from'
            cand --from 'Where to start: `beginning`, `end`, an OFFSET (`42`), or a time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-15m`)'
            cand --until 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `@1736848800000`, `-5m`); that event is not read. Needs --from or --dump'
            cand -p 'Only these partitions (repeatable)'
            cand --partition 'Only these partitions (repeatable)'
            cand --format 'How to read values'
            cand --key-format 'How to read keys'
            cand --grep 'Only events whose key or value matches this regular expression'
            cand --header 'Only events with this header (repeatable; all must match)'
            cand --group 'Consume as this consumer group and commit what was read (resumes where the group stopped; the group assigns the partitions, so --from and --partition do not apply)'
            cand -K 'Print KEY<SEP>VALUE lines, one per event (as kcat''s -K; ''\t'' is a tab)'
            cand --key-separator 'Print KEY<SEP>VALUE lines, one per event (as kcat''s -K; ''\t'' is a tab)'
            cand -o 'Output format: table, json (one array) or ndjson [default: table on a terminal, ndjson when piped]'
            cand --output 'Output format: table, json (one array) or ndjson [default: table on a terminal, ndjson when piped]'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -f 'Keep reading new events until Ctrl-C'
            cand --follow 'Keep reading new events until Ctrl-C'
            cand --dump 'Write a dump that `kop publish --records` restores exactly: NDJSON from the beginning (or --from), keys and values as text or base64, never decoded'
            cand -e 'kcat''s -e: not needed, kop tail stops at the end unless -f follows'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;copy'= {
            cand --to-cluster 'Copy to the cluster of this profile ([clusters.NAME]), with its own Schema Registry; the environment''s connection variables stay with the source [default: the source''s cluster]'
            cand --from 'Where a new cursor starts: `beginning`, `end`, an OFFSET (`42`), or a TIME (`2025-01-14T09:12:03Z`, `@1736845923000`, `-15m`) [default: beginning]'
            cand --until 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `-5m`); that event is not copied'
            cand -p 'Only these partitions (repeatable)'
            cand --partition 'Only these partitions (repeatable)'
            cand --grep 'Only events whose key or value (decoded, as tail prints them) matches this regular expression'
            cand --header 'Only events with this header (repeatable; all must match)'
            cand --rate 'At most this many events a second'
            cand --partitioner 'How keys map to the target''s partitions [default: the target profile''s `partitioner`, else murmur2_random, the Java client''s hash]'
            cand --subject-strategy 'How the target''s subjects are named when schemas are registered there'
            cand --cursor 'Name the cursor (a consumer group on the source) instead of deriving it from the topics, the target cluster and the filters'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -f 'Keep copying events as they arrive, until Ctrl-C'
            cand --follow 'Keep copying events as they arrive, until Ctrl-C'
            cand --keep-partition 'Each event to the partition number it has on the source (refused when the target has fewer) [default: by key, with the partitioner]'
            cand --keep-schema-ids 'Copy wire-format payloads with their schema ids as they are (both clusters share one registry), instead of registering each schema on the target and rewriting ids'
            cand --no-transactions 'At-least-once even within one cluster, where transactions make a copy exactly once'
            cand --dry-run 'Count what would be copied and which schemas registered; change nothing'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;dlq'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand replay 'Move dead letters back to the topic they failed on, unwrapped'
            cand stats 'What is in a dead-letter queue and what is still pending replay'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;dlq;replay'= {
            cand --topic 'Only letters that failed on this topic (repeatable)'
            cand --error 'Only letters whose error matches this regular expression'
            cand --where 'Only letters whose original event has this field value, as FIELD=VALUE (dotted path, e.g. child_id=7f0c2a1e-...; repeatable, all must match); JSON, and Avro, JSON Schema and Protobuf payloads through the Schema Registry, are decoded to match'
            cand --since 'Only letters that failed at or after this time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)'
            cand --until 'Only letters that failed at or before this time (the same forms: `-30m`, `2025-01-14T10:00:00Z`)'
            cand --limit 'Stop after this many letters (replayed or parked); the next run continues'
            cand --to 'Send every letter to this topic instead of its original'
            cand --rate 'At most this many letters a second'
            cand --max-retries 'Letters already retried this many times go to the parking topic instead'
            cand --park-topic 'Park letters here: those retried too often, and those with nowhere to go (without a parking topic, the cursor stops before an unroutable letter) [default with --max-retries: <dlq>.parked]'
            cand --cursor 'Name the cursor (consumer group) instead of deriving it from the filters'
            cand --partitioner 'How keys map to partitions [default: the profile''s `partitioner`, else murmur2_random: the Java client''s hash, so keys land where Java, Spring, Streams and Connect producers put them]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --dry-run 'Show what would go where, change nothing'
            cand --skip-unroutable 'Unroutable letters do not make the exit code 3 (the cursor still stops before them)'
            cand --again 'Replay letters again that the ledger says were already replayed (by this or another cursor); their kop.replay.count goes up'
            cand --follow 'Keep replaying letters as they arrive, until Ctrl-C'
            cand --no-transactions 'At-least-once even where the broker supports transactions'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;dlq;stats'= {
            cand --cursor 'Count as pending what is after this replay cursor [default: kop-replay.<dlq>]'
            cand --where 'Count only letters whose original event has this field value, as FIELD=VALUE (repeatable, all must match), decoded as `dlq replay --where` decodes them'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;dlq;help'= {
            cand replay 'Move dead letters back to the topic they failed on, unwrapped'
            cand stats 'What is in a dead-letter queue and what is still pending replay'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;dlq;help;replay'= {
        }
        &'kop;dlq;help;stats'= {
        }
        &'kop;dlq;help;help'= {
        }
        &'kop;lag'= {
            cand --topic 'Only these topics (repeatable)'
            cand --pattern 'Only groups whose name matches this regular expression'
            cand --by 'Level of detail in the table'
            cand --threshold 'Exit 3 when a group''s lag is above N messages'
            cand --max-age 'Exit 3 when a group''s oldest unconsumed record is older than this (implies --time)'
            cand --watch 'Redraw every INTERVAL with consumption rates and catch-up estimates, until Ctrl-C'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --all 'Also show groups with no lag'
            cand --replay-cursors 'Also count kop''s own dead-letter replay cursors (kop-replay.*; `kop dlq stats` reports them)'
            cand --time 'Also show how old the oldest unconsumed record of each partition is'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;health'= {
            cand --max-lag 'Fail when any consumer group''s total lag is above N messages'
            cand --max-dlq 'Fail when a dead-letter queue declared in topics.toml holds more than N pending letters'
            cand -o 'Output format (prometheus: one 0/1 gauge per check and the broker count, for node_exporter''s textfile collector)'
            cand --output 'Output format (prometheus: one 0/1 gauge per check and the broker count, for node_exporter''s textfile collector)'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --replay-cursors 'Also hold kop''s own dead-letter replay cursors (kop-replay.*) to --max-lag'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;schemas'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Subjects with their latest version, id, type, compatibility level and topic'
            cand show 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
            cand check 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
            cand diff 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not'
            cand register 'Register a schema file under a subject (a schema it already has keeps its version)'
            cand compatibility 'Show or set the compatibility level of a subject, or the registry''s global one'
            cand delete 'Delete a subject, or one version of it: soft first, then --permanent'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;schemas;list'= {
            cand --pattern 'Only subjects whose name matches this regular expression'
            cand --subject-strategy 'How subjects are named after topics, for the TOPIC column'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --deleted 'Include soft-deleted subjects'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;schemas;show'= {
            cand --version 'Which version: a number, or latest'
            cand -o 'Output format (json: the registry''s record)'
            cand --output 'Output format (json: the registry''s record)'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --versions 'List the subject''s versions (id and type of each) instead of showing one'
            cand --deleted 'Also find soft-deleted versions'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kop;schemas;check'= {
            cand --subject 'The subject to check FILE against'
            cand --type 'The schema''s type [default: from the extension (.avsc, .proto), else the subject''s, else from the text]'
            cand --reference 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject''s latest)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;schemas;diff'= {
            cand --subject 'The subject to compare with'
            cand --version 'Which version to compare with: a number, or latest'
            cand --level 'Judge the changes under this level instead of the subject''s'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kop;schemas;register'= {
            cand --subject 'The subject to register it under'
            cand --type 'The schema''s type [default: from the extension (.avsc, .proto), else the subject''s, else from the text]'
            cand --reference 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject''s latest)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;schemas;compatibility'= {
            cand --set 'Set the level'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --unset 'Remove the subject''s own level, so that the global one applies'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;schemas;delete'= {
            cand --version 'Only this version (a number, or latest)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand --permanent 'Delete for good what an earlier (soft) delete hid; ids stop resolving'
            cand --yes 'Answer yes to the confirmation (required without a terminal)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kop;schemas;help'= {
            cand list 'Subjects with their latest version, id, type, compatibility level and topic'
            cand show 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
            cand check 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
            cand diff 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not'
            cand register 'Register a schema file under a subject (a schema it already has keeps its version)'
            cand compatibility 'Show or set the compatibility level of a subject, or the registry''s global one'
            cand delete 'Delete a subject, or one version of it: soft first, then --permanent'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;schemas;help;list'= {
        }
        &'kop;schemas;help;show'= {
        }
        &'kop;schemas;help;check'= {
        }
        &'kop;schemas;help;diff'= {
        }
        &'kop;schemas;help;register'= {
        }
        &'kop;schemas;help;compatibility'= {
        }
        &'kop;schemas;help;delete'= {
        }
        &'kop;schemas;help;help'= {
        }
        &'kop;config'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Cluster profiles from the topics file and the user config, and the one in use'
            cand use 'Make NAME the current profile: sets `current` in the user config'
            cand show 'Every resolved setting and where it came from, secrets masked; no network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;config;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;config;use'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;config;show'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Nothing on success but the data asked for; errors still show'
            cand --quiet 'Nothing on success but the data asked for; errors still show'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;config;help'= {
            cand list 'Cluster profiles from the topics file and the user config, and the one in use'
            cand use 'Make NAME the current profile: sets `current` in the user config'
            cand show 'Every resolved setting and where it came from, secrets masked; no network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;config;help;list'= {
        }
        &'kop;config;help;use'= {
        }
        &'kop;config;help;show'= {
        }
        &'kop;config;help;help'= {
        }
        &'kop;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;help'= {
            cand topics 'List, describe and export topics, and reconcile them with topics.toml'
            cand groups 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete'
            cand publish 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
            cand tail 'Read events, decoded: by default the last 10 across partitions, oldest first'
            cand copy 'Copy events from one topic to another, on the same cluster or another profile''s'
            cand dlq 'Dead-letter queues: what is in them, and replaying letters to where they failed'
            cand lag 'Consumer-group lag per partition, topic and group; exit 3 over a threshold'
            cand health 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
            cand schemas 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete'
            cand config 'Cluster profiles (contexts) and the settings kop resolves, with their sources'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;help;topics'= {
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
            cand describe 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects'
            cand export 'Write a topics.toml for the topics on the cluster, to stdout'
        }
        &'kop;help;topics;list'= {
        }
        &'kop;help;topics;apply'= {
        }
        &'kop;help;topics;describe'= {
        }
        &'kop;help;topics;export'= {
        }
        &'kop;help;groups'= {
            cand list 'Consumer groups with state, protocol type, members, topics and total lag'
            cand describe 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member'
            cand reset 'Move a group''s committed offsets, after a plan and a confirmation'
            cand delete 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused'
            cand delete-offsets 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused'
        }
        &'kop;help;groups;list'= {
        }
        &'kop;help;groups;describe'= {
        }
        &'kop;help;groups;reset'= {
        }
        &'kop;help;groups;delete'= {
        }
        &'kop;help;groups;delete-offsets'= {
        }
        &'kop;help;publish'= {
        }
        &'kop;help;tail'= {
        }
        &'kop;help;copy'= {
        }
        &'kop;help;dlq'= {
            cand replay 'Move dead letters back to the topic they failed on, unwrapped'
            cand stats 'What is in a dead-letter queue and what is still pending replay'
        }
        &'kop;help;dlq;replay'= {
        }
        &'kop;help;dlq;stats'= {
        }
        &'kop;help;lag'= {
        }
        &'kop;help;health'= {
        }
        &'kop;help;schemas'= {
            cand list 'Subjects with their latest version, id, type, compatibility level and topic'
            cand show 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version'
            cand check 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not'
            cand diff 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not'
            cand register 'Register a schema file under a subject (a schema it already has keeps its version)'
            cand compatibility 'Show or set the compatibility level of a subject, or the registry''s global one'
            cand delete 'Delete a subject, or one version of it: soft first, then --permanent'
        }
        &'kop;help;schemas;list'= {
        }
        &'kop;help;schemas;show'= {
        }
        &'kop;help;schemas;check'= {
        }
        &'kop;help;schemas;diff'= {
        }
        &'kop;help;schemas;register'= {
        }
        &'kop;help;schemas;compatibility'= {
        }
        &'kop;help;schemas;delete'= {
        }
        &'kop;help;config'= {
            cand list 'Cluster profiles from the topics file and the user config, and the one in use'
            cand use 'Make NAME the current profile: sets `current` in the user config'
            cand show 'Every resolved setting and where it came from, secrets masked; no network'
        }
        &'kop;help;config;list'= {
        }
        &'kop;help;config;use'= {
        }
        &'kop;help;config;show'= {
        }
        &'kop;help;completions'= {
        }
        &'kop;help;help'= {
        }
    ]
    $completions[$command]
}
