
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
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
            cand health 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kop;topics'= {
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
        &'kop;health'= {
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
            cand -f 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
            cand --file 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]'
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
        &'kop;help;health'= {
        }
        &'kop;help;completions'= {
        }
        &'kop;help;help'= {
        }
    ]
    $completions[$command]
}
