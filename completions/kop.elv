
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
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand topics 'List topics and reconcile them with topics.toml'
            cand publish 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
            cand tail 'Read events, decoded: by default the last 10 across partitions, oldest first'
            cand health 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics;list'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand --all 'Include internal topics (names starting with `_`)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;apply'= {
            cand --only 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)'
            cand --wait 'Wait up to this long for the cluster to answer before planning (e.g. 60s)'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand --dry-run 'Print the plan and change nothing'
            cand --check 'Change nothing; exit 3 when the cluster differs from the file, 0 when it matches'
            cand --delete-unmanaged 'Delete topics the file does not declare (never internal or protected ones)'
            cand --prune-configs 'Remove topic configs the file does not declare (back to the broker''s defaults)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;topics;help'= {
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics;help;list'= {
        }
        &'kop;topics;help;apply'= {
        }
        &'kop;topics;help;help'= {
        }
        &'kop;publish'= {
            cand --value 'One event, given on the command line'
            cand --file 'A file of events, one per line (NDJSON); - for stdin'
            cand --key 'The key for every event'
            cand --key-field 'Take each event''s key from this field of the event (dotted path, e.g. user.id)'
            cand -H 'A header for every event (repeatable); KEY alone sends a null value'
            cand --header 'A header for every event (repeatable); KEY alone sends a null value'
            cand --partition 'Send every event to this partition (default: by key)'
            cand --timestamp 'Event timestamp: milliseconds since the epoch or RFC 3339 (default: now)'
            cand --format 'How to encode values'
            cand --key-format 'How to encode keys'
            cand --schema-file 'Avro schema file for values (registered under the subject when new)'
            cand --schema-id 'Avro schema id for values, as registered'
            cand --subject 'Subject for values (default: from --subject-strategy)'
            cand --key-schema-file 'Avro schema file for keys'
            cand --key-subject 'Subject for keys (default: from --subject-strategy)'
            cand --subject-strategy 'How subjects are named'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand --transactional 'Publish everything in one transaction: all events or none'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;tail'= {
            cand -n 'How many events: the last N by default, the first N after --from'
            cand --lines 'How many events: the last N by default, the first N after --from'
            cand --from 'Where to start: beginning, end, an OFFSET, a TIMESTAMP (RFC 3339 or epoch ms), or -DURATION ago (e.g. -15m)'
            cand --partition 'Only these partitions (repeatable)'
            cand --format 'How to read values'
            cand --key-format 'How to read keys'
            cand --grep 'Only events whose key or value matches this regular expression'
            cand --header 'Only events with this header (repeatable; all must match)'
            cand --group 'Consume as this consumer group and commit what was read (resumes where the group stopped; --from does not apply)'
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand -f 'Keep reading new events until Ctrl-C'
            cand --follow 'Keep reading new events until Ctrl-C'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;health'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;completions'= {
            cand -F 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --topics-file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand -b 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --bootstrap 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]'
            cand --cluster 'Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]'
            cand --registry 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]'
            cand -X 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 3s, 1m)'
            cand -v 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand --verbose 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs'
            cand -q 'Only errors and data'
            cand --quiet 'Only errors and data'
            cand --no-color 'No colour (also when NO_COLOR is set, or output is not a terminal)'
            cand --yes 'Answer yes to confirmations (required for destructive steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kop;help'= {
            cand topics 'List topics and reconcile them with topics.toml'
            cand publish 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin'
            cand tail 'Read events, decoded: by default the last 10 across partitions, oldest first'
            cand health 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;help;topics'= {
            cand list 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file'
            cand apply 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas'
        }
        &'kop;help;topics;list'= {
        }
        &'kop;help;topics;apply'= {
        }
        &'kop;help;publish'= {
        }
        &'kop;help;tail'= {
        }
        &'kop;help;health'= {
        }
        &'kop;help;completions'= {
        }
        &'kop;help;help'= {
        }
    ]
    $completions[$command]
}
