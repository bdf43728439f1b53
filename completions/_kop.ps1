
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'kop' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'kop'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'kop' {
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe and export topics, and reconcile them with topics.toml')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read events, decoded: by default the last 10 across partitions, oldest first')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy events from one topic to another, on the same cluster or another profile''s')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter queues: what is in them, and replaying letters to where they failed')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer-group lag per partition, topic and group; exit 3 over a threshold')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Cluster profiles (contexts) and the settings kop resolves, with their sources')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;topics' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a topics.toml for the topics on the cluster, to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;topics;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include internal topics (names starting with `_`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;topics;apply' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait up to this long for the cluster to answer before planning (e.g. 60s)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Change nothing; exit 3 when the cluster differs from the file, 0 when it matches')
            [CompletionResult]::new('--delete-unmanaged', '--delete-unmanaged', [CompletionResultType]::ParameterName, 'Delete topics the file does not declare (never internal or protected ones)')
            [CompletionResult]::new('--prune-configs', '--prune-configs', [CompletionResultType]::ParameterName, 'Remove topic configs the file does not declare (back to the broker''s defaults)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;topics;describe' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--all-configs', '--all-configs', [CompletionResultType]::ParameterName, 'Every config, the broker''s defaults included (default: those set on the topic or the broker)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;topics;export' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only topics matching this pattern (`*` and `?` wildcards; repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;topics;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a topics.toml for the topics on the cluster, to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;topics;help;list' {
            break
        }
        'kop;topics;help;apply' {
            break
        }
        'kop;topics;help;describe' {
            break
        }
        'kop;topics;help;export' {
            break
        }
        'kop;topics;help;help' {
            break
        }
        'kop;groups' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Consumer groups with state, protocol type, members, topics and total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets, after a plan and a confirmation')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;groups;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only groups in this state: stable, empty, preparing-rebalance, completing-rebalance, dead (repeatable, or comma separated)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only groups that committed offsets for, or are assigned, this topic; lag is then counted on it alone (repeatable)')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Only groups whose name matches this regular expression')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;groups;describe' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Also show how old the oldest unconsumed record of each partition is')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;groups;reset' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'To the earliest or the latest offset of each partition')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'To this offset in each partition')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'To the first record at or after this time (ListOffsets by timestamp): RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'To the first record of this long ago (e.g. `1h`: the offsets of one hour ago)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Move each partition''s committed offset by N (negative: back, to re-read)')
            [CompletionResult]::new('--to-group', '--to-group', [CompletionResultType]::ParameterName, 'To the positions another group has committed')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'To the offsets in a file: the CSV of `kafka-consumer-groups --export` (topic,partition,offset) or a plan from `kop groups reset -o json`')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The partitions to reset: a topic''s, or some of them with `T:0,1` (repeatable)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Also write the plan as kafka-consumer-groups CSV to this file (`-`: stdout, in place of the table)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Every partition the group has committed offsets for')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;groups;delete' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;groups;delete-offsets' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic whose committed offsets go, or some partitions with `T:0,1` (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Consumer groups with state, protocol type, members, topics and total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets, after a plan and a confirmation')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;groups;help;list' {
            break
        }
        'kop;groups;help;describe' {
            break
        }
        'kop;groups;help;reset' {
            break
        }
        'kop;groups;help;delete' {
            break
        }
        'kop;groups;help;delete-offsets' {
            break
        }
        'kop;groups;help;help' {
            break
        }
        'kop;publish' {
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'One event, given on the command line')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A file of events, one per line (NDJSON); - for stdin')
            [CompletionResult]::new('--value-file', '--value-file', [CompletionResultType]::ParameterName, 'One event whose value is this file: JSON by default (checked; a final newline is dropped), any bytes exactly as they are with --format raw')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'Restore a dump of `kop tail --dump` (a file, or - for stdin): each record''s key, value, headers and timestamp sent exactly as they were read')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key for every event')
            [CompletionResult]::new('--key-field', '--key-field', [CompletionResultType]::ParameterName, 'Take each event''s key from this field of the event (dotted path, e.g. user.id)')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as kafka-console-producer''s parse.key and kcat''s -K; ''\t'' is a tab)')
            [CompletionResult]::new('--key-separator', '--key-separator', [CompletionResultType]::ParameterName, 'Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as kafka-console-producer''s parse.key and kcat''s -K; ''\t'' is a tab)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header for every event (repeatable); KEY alone sends a null value')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header for every event (repeatable); KEY alone sends a null value')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Send every event to this partition (default: by key)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Send every event to this partition (default: by key)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Event timestamp (default: now): epoch milliseconds (`1736845923000`), RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-1h`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to encode values')
            [CompletionResult]::new('--key-format', '--key-format', [CompletionResultType]::ParameterName, 'How to encode keys')
            [CompletionResult]::new('--schema-file', '--schema-file', [CompletionResultType]::ParameterName, 'Schema file for values, of the --format''s type (.avsc, .json, .proto); registered under the subject when new, with what it imports')
            [CompletionResult]::new('--schema-id', '--schema-id', [CompletionResultType]::ParameterName, 'Schema id for values, as registered')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The Protobuf message values are (full name, e.g. com.kidsafe.events.ChildRegistered) [default: the first message in the file]')
            [CompletionResult]::new('--proto-path', '--proto-path', [CompletionResultType]::ParameterName, 'A directory where a .proto file''s imports are found (repeatable), after the file''s own directory; imports found in neither are subjects of their name in the registry')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Subject for values (default: from --subject-strategy)')
            [CompletionResult]::new('--key-schema-file', '--key-schema-file', [CompletionResultType]::ParameterName, 'Schema file for keys, of the --key-format''s type')
            [CompletionResult]::new('--key-message', '--key-message', [CompletionResultType]::ParameterName, 'The Protobuf message keys are [default: the first message in the file]')
            [CompletionResult]::new('--key-subject', '--key-subject', [CompletionResultType]::ParameterName, 'Subject for keys (default: from --subject-strategy)')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'How subjects are named')
            [CompletionResult]::new('--partitioner', '--partitioner', [CompletionResultType]::ParameterName, 'How keys map to partitions [default: the profile''s `partitioner`, else murmur2_random: the Java client''s hash, so keys land where Java, Spring, Streams and Connect producers put them]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--tombstone', '--tombstone', [CompletionResultType]::ParameterName, 'One event with a null value (a tombstone: deletes the key from a compacted topic); needs --key')
            [CompletionResult]::new('--keep-partition', '--keep-partition', [CompletionResultType]::ParameterName, 'With --records: each record to the partition number it was dumped from (refused when the topic has fewer) [default: by key, with the partitioner]')
            [CompletionResult]::new('--transactional', '--transactional', [CompletionResultType]::ParameterName, 'Publish everything in one transaction: all events or none')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;tail' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many events: the last N by default, the first N after --from')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many events: the last N by default, the first N after --from')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start: `beginning`, `end`, an OFFSET (`42`), or a time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-15m`)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `@1736848800000`, `-5m`); that event is not read. Needs --from or --dump')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to read values')
            [CompletionResult]::new('--key-format', '--key-format', [CompletionResultType]::ParameterName, 'How to read keys')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Only events whose key or value matches this regular expression')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Only events with this header (repeatable; all must match)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consume as this consumer group and commit what was read (resumes where the group stopped; the group assigns the partitions, so --from and --partition do not apply)')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Print KEY<SEP>VALUE lines, one per event (as kcat''s -K; ''\t'' is a tab)')
            [CompletionResult]::new('--key-separator', '--key-separator', [CompletionResultType]::ParameterName, 'Print KEY<SEP>VALUE lines, one per event (as kcat''s -K; ''\t'' is a tab)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, json (one array) or ndjson [default: table on a terminal, ndjson when piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, json (one array) or ndjson [default: table on a terminal, ndjson when piped]')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep reading new events until Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading new events until Ctrl-C')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Write a dump that `kop publish --records` restores exactly: NDJSON from the beginning (or --from), keys and values as text or base64, never decoded')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'kcat''s -e: not needed, kop tail stops at the end unless -f follows')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;copy' {
            [CompletionResult]::new('--to-cluster', '--to-cluster', [CompletionResultType]::ParameterName, 'Copy to the cluster of this profile ([clusters.NAME]), with its own Schema Registry; the environment''s connection variables stay with the source [default: the source''s cluster]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where a new cursor starts: `beginning`, `end`, an OFFSET (`42`), or a TIME (`2025-01-14T09:12:03Z`, `@1736845923000`, `-15m`) [default: beginning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop each partition at its first event at or after this OFFSET (`5000`) or TIME (`2025-01-14T10:00:00Z`, `-5m`); that event is not copied')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable)')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Only events whose key or value (decoded, as tail prints them) matches this regular expression')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Only events with this header (repeatable; all must match)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many events a second')
            [CompletionResult]::new('--partitioner', '--partitioner', [CompletionResultType]::ParameterName, 'How keys map to the target''s partitions [default: the target profile''s `partitioner`, else murmur2_random, the Java client''s hash]')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'How the target''s subjects are named when schemas are registered there')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Name the cursor (a consumer group on the source) instead of deriving it from the topics, the target cluster and the filters')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep copying events as they arrive, until Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep copying events as they arrive, until Ctrl-C')
            [CompletionResult]::new('--keep-partition', '--keep-partition', [CompletionResultType]::ParameterName, 'Each event to the partition number it has on the source (refused when the target has fewer) [default: by key, with the partitioner]')
            [CompletionResult]::new('--keep-schema-ids', '--keep-schema-ids', [CompletionResultType]::ParameterName, 'Copy wire-format payloads with their schema ids as they are (both clusters share one registry), instead of registering each schema on the target and rewriting ids')
            [CompletionResult]::new('--no-transactions', '--no-transactions', [CompletionResultType]::ParameterName, 'At-least-once even within one cluster, where transactions make a copy exactly once')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be copied and which schemas registered; change nothing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;dlq' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Move dead letters back to the topic they failed on, unwrapped')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in a dead-letter queue and what is still pending replay')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;dlq;replay' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only letters that failed on this topic (repeatable)')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'Only letters whose error matches this regular expression')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only letters whose original event has this field value, as FIELD=VALUE (dotted path, e.g. child_id=7f0c2a1e-...; repeatable, all must match); JSON, and Avro, JSON Schema and Protobuf payloads through the Schema Registry, are decoded to match')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only letters that failed at or after this time: RFC 3339 (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only letters that failed at or before this time (the same forms: `-30m`, `2025-01-14T10:00:00Z`)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after this many letters (replayed or parked); the next run continues')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Send every letter to this topic instead of its original')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many letters a second')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Letters already retried this many times go to the parking topic instead')
            [CompletionResult]::new('--park-topic', '--park-topic', [CompletionResultType]::ParameterName, 'Park letters here: those retried too often, and those with nowhere to go (without a parking topic, the cursor stops before an unroutable letter) [default with --max-retries: <dlq>.parked]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Name the cursor (consumer group) instead of deriving it from the filters')
            [CompletionResult]::new('--partitioner', '--partitioner', [CompletionResultType]::ParameterName, 'How keys map to partitions [default: the profile''s `partitioner`, else murmur2_random: the Java client''s hash, so keys land where Java, Spring, Streams and Connect producers put them]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would go where, change nothing')
            [CompletionResult]::new('--skip-unroutable', '--skip-unroutable', [CompletionResultType]::ParameterName, 'Unroutable letters do not make the exit code 3 (the cursor still stops before them)')
            [CompletionResult]::new('--again', '--again', [CompletionResultType]::ParameterName, 'Replay letters again that the ledger says were already replayed (by this or another cursor); their kop.replay.count goes up')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep replaying letters as they arrive, until Ctrl-C')
            [CompletionResult]::new('--no-transactions', '--no-transactions', [CompletionResultType]::ParameterName, 'At-least-once even where the broker supports transactions')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;dlq;stats' {
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Count as pending what is after this replay cursor [default: kop-replay.<dlq>]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Count only letters whose original event has this field value, as FIELD=VALUE (repeatable, all must match), decoded as `dlq replay --where` decodes them')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;dlq;help' {
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Move dead letters back to the topic they failed on, unwrapped')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in a dead-letter queue and what is still pending replay')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;dlq;help;replay' {
            break
        }
        'kop;dlq;help;stats' {
            break
        }
        'kop;dlq;help;help' {
            break
        }
        'kop;lag' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only these topics (repeatable)')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Only groups whose name matches this regular expression')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Level of detail in the table')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Exit 3 when a group''s lag is above N messages')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Exit 3 when a group''s oldest unconsumed record is older than this (implies --time)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every INTERVAL with consumption rates and catch-up estimates, until Ctrl-C')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also show groups with no lag')
            [CompletionResult]::new('--replay-cursors', '--replay-cursors', [CompletionResultType]::ParameterName, 'Also count kop''s own dead-letter replay cursors (kop-replay.*; `kop dlq stats` reports them)')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Also show how old the oldest unconsumed record of each partition is')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;health' {
            [CompletionResult]::new('--max-lag', '--max-lag', [CompletionResultType]::ParameterName, 'Fail when any consumer group''s total lag is above N messages')
            [CompletionResult]::new('--max-dlq', '--max-dlq', [CompletionResultType]::ParameterName, 'Fail when a dead-letter queue declared in topics.toml holds more than N pending letters')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (prometheus: one 0/1 gauge per check and the broker count, for node_exporter''s textfile collector)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (prometheus: one 0/1 gauge per check and the broker count, for node_exporter''s textfile collector)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--replay-cursors', '--replay-cursors', [CompletionResultType]::ParameterName, 'Also hold kop''s own dead-letter replay cursors (kop-replay.*) to --max-lag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;schemas' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Subjects with their latest version, id, type, compatibility level and topic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (a schema it already has keeps its version)')
            [CompletionResult]::new('compatibility', 'compatibility', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level of a subject, or the registry''s global one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first, then --permanent')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;schemas;list' {
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Only subjects whose name matches this regular expression')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'How subjects are named after topics, for the TOPIC column')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include soft-deleted subjects')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;schemas;show' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Which version: a number, or latest')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json: the registry''s record)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json: the registry''s record)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--versions', '--versions', [CompletionResultType]::ParameterName, 'List the subject''s versions (id and type of each) instead of showing one')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Also find soft-deleted versions')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kop;schemas;check' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject to check FILE against')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The schema''s type [default: from the extension (.avsc, .proto), else the subject''s, else from the text]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject''s latest)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;schemas;diff' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject to compare with')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Which version to compare with: a number, or latest')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Judge the changes under this level instead of the subject''s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kop;schemas;register' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject to register it under')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The schema''s type [default: from the extension (.avsc, .proto), else the subject''s, else from the text]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults to the subject''s latest)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;schemas;compatibility' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set the level')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove the subject''s own level, so that the global one applies')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;schemas;delete' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Only this version (a number, or latest)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('--permanent', '--permanent', [CompletionResultType]::ParameterName, 'Delete for good what an earlier (soft) delete hid; ids stop resolving')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the confirmation (required without a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kop;schemas;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Subjects with their latest version, id, type, compatibility level and topic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (a schema it already has keeps its version)')
            [CompletionResult]::new('compatibility', 'compatibility', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level of a subject, or the registry''s global one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first, then --permanent')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;schemas;help;list' {
            break
        }
        'kop;schemas;help;show' {
            break
        }
        'kop;schemas;help;check' {
            break
        }
        'kop;schemas;help;diff' {
            break
        }
        'kop;schemas;help;register' {
            break
        }
        'kop;schemas;help;compatibility' {
            break
        }
        'kop;schemas;help;delete' {
            break
        }
        'kop;schemas;help;help' {
            break
        }
        'kop;config' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Cluster profiles from the topics file and the user config, and the one in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the current profile: sets `current` in the user config')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every resolved setting and where it came from, secrets masked; no network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;config;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;config;use' {
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;config;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('--topics-file', '--topics-file', [CompletionResultType]::ParameterName, 'The topics file [env: KOP_FILE] [default: ./topics.toml, if present]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile ([clusters.NAME] in the topics file, else in the user config) [env: KOP_CLUSTER] [default: the user config''s `current`]')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema Registry URL [env: SCHEMA_REGISTRY_URL]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v for resolved settings and client warnings, -vv for librdkafka debug logs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Nothing on success but the data asked for; errors still show')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also when NO_COLOR is set, or output is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;config;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Cluster profiles from the topics file and the user config, and the one in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the current profile: sets `current` in the user config')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every resolved setting and where it came from, secrets masked; no network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;config;help;list' {
            break
        }
        'kop;config;help;use' {
            break
        }
        'kop;config;help;show' {
            break
        }
        'kop;config;help;help' {
            break
        }
        'kop;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kop;help' {
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe and export topics, and reconcile them with topics.toml')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets (previewed and confirmed), delete')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Produce events: one --value, a --file of NDJSON (one event per line), or stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read events, decoded: by default the last 10 across partitions, oldest first')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy events from one topic to another, on the same cluster or another profile''s')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter queues: what is in them, and replaying letters to where they failed')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer-group lag per partition, topic and group; exit 3 over a threshold')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'The Schema Registry: list, show, check (the CI gate), diff, register, compatibility levels, delete')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Cluster profiles (contexts) and the settings kop resolves, with their sources')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kop;help;topics' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Topics on the cluster with partitions, replication, retention, cleanup policy, whether topics.toml manages them, and drift from the file')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster match topics.toml: create topics, set configs, add partitions, register schemas')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their source, what topics.toml declares and the drift, the groups reading them with their lag, the dead-letter queue, and the registry subjects')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a topics.toml for the topics on the cluster, to stdout')
            break
        }
        'kop;help;topics;list' {
            break
        }
        'kop;help;topics;apply' {
            break
        }
        'kop;help;topics;describe' {
            break
        }
        'kop;help;topics;export' {
            break
        }
        'kop;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Consumer groups with state, protocol type, members, topics and total lag')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Groups in depth: state, coordinator, members with their partitions, and per partition the committed offset, end offset, lag and owning member')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets, after a plan and a confirmation')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete consumer groups and their committed offsets (asks first; --yes without a terminal); groups with connected members are refused')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s committed offsets for topics (asks first; --yes without a terminal); a group with connected members is refused')
            break
        }
        'kop;help;groups;list' {
            break
        }
        'kop;help;groups;describe' {
            break
        }
        'kop;help;groups;reset' {
            break
        }
        'kop;help;groups;delete' {
            break
        }
        'kop;help;groups;delete-offsets' {
            break
        }
        'kop;help;publish' {
            break
        }
        'kop;help;tail' {
            break
        }
        'kop;help;copy' {
            break
        }
        'kop;help;dlq' {
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Move dead letters back to the topic they failed on, unwrapped')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in a dead-letter queue and what is still pending replay')
            break
        }
        'kop;help;dlq;replay' {
            break
        }
        'kop;help;dlq;stats' {
            break
        }
        'kop;help;lag' {
            break
        }
        'kop;help;health' {
            break
        }
        'kop;help;schemas' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Subjects with their latest version, id, type, compatibility level and topic')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: the schema pretty-printed, its id, version, type and references; --versions lists every version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the registry whether schema files are compatible with their subjects; exit 3 when one is not')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed against a version of the subject, field by field (Avro), and whether each change is safe under the subject''s compatibility level; exit 3 when one is not')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (a schema it already has keeps its version)')
            [CompletionResult]::new('compatibility', 'compatibility', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level of a subject, or the registry''s global one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first, then --permanent')
            break
        }
        'kop;help;schemas;list' {
            break
        }
        'kop;help;schemas;show' {
            break
        }
        'kop;help;schemas;check' {
            break
        }
        'kop;help;schemas;diff' {
            break
        }
        'kop;help;schemas;register' {
            break
        }
        'kop;help;schemas;compatibility' {
            break
        }
        'kop;help;schemas;delete' {
            break
        }
        'kop;help;config' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Cluster profiles from the topics file and the user config, and the one in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the current profile: sets `current` in the user config')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Every resolved setting and where it came from, secrets masked; no network')
            break
        }
        'kop;help;config;list' {
            break
        }
        'kop;help;config;use' {
            break
        }
        'kop;help;config;show' {
            break
        }
        'kop;help;completions' {
            break
        }
        'kop;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
