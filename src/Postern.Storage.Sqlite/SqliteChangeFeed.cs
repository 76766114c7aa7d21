using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Postern.Storage.Sqlite;

/// <summary>
/// The change feed over the <c>changes</c> table. Waiters wake at once for commits of this store
/// instance and within <see cref="SqliteStoreOptions.ChangePollInterval"/> for commits of any other
/// connection or process, detected by <c>PRAGMA data_version</c>, which changes for a connection
/// whenever another connection commits (sqlite.org/pragma.html#pragma_data_version).
/// </summary>
internal sealed class SqliteChangeFeed : IChangeFeed, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _pulse = NewPulse();
    private Task? _watcher;

    public SqliteChangeFeed(SqliteDatabase database, SqliteStoreOptions options, ILogger logger)
    {
        _database = database;
        _options = options;
        _logger = logger;
        database.ChangeCommitted += Pulse;
    }

    public Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(transaction => transaction.ScalarAsync<long>(
            "SELECT coalesce(max(seq), 0) FROM changes", cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoreChange>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<StoreChange>>(async transaction => await transaction.ListAsync(
            "SELECT seq, kind, account_id, mailbox_id, time FROM changes WHERE seq > $after ORDER BY seq LIMIT $limit",
            reader => new StoreChange(
                reader.GetInt64(0), (StoreChangeKind)reader.GetInt32(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), UnixTime.To(reader.GetInt64(4))),
            cancellationToken, ("$after", afterSequence), ("$limit", limit)), cancellationToken);

    public async Task WaitAsync(long afterSequence, CancellationToken cancellationToken)
    {
        EnsureWatching();
        while (true)
        {
            // Take the pulse before looking, so a commit between the look and the wait is not missed.
            Task pulse;
            lock (_gate)
                pulse = _pulse.Task;
            if (await GetLatestSequenceAsync(cancellationToken) > afterSequence)
                return;
            await pulse.WaitAsync(cancellationToken);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        _database.WriteAsync(write => write.Transaction.ExecuteAsync(
            "DELETE FROM changes WHERE time < $time", cancellationToken, ("$time", UnixTime.From(olderThan))), cancellationToken);

    private void Pulse()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _pulse;
            _pulse = NewPulse();
        }
        fired.TrySetResult();
    }

    private void EnsureWatching()
    {
        lock (_gate)
            _watcher ??= Task.Run(() => WatchOtherConnectionsAsync(_stopping.Token));
    }

    private async Task WatchOtherConnectionsAsync(CancellationToken stopping)
    {
        try
        {
            await using var connection = await _database.OpenAsync(stopping);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "PRAGMA data_version";
            var seen = (long)(await probe.ExecuteScalarAsync(stopping))!;
            // A commit by another process between a waiter's look and this baseline would never
            // change the version again: wake the waiters once so they look after the baseline.
            Pulse();
            using var timer = new PeriodicTimer(_options.ChangePollInterval);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var version = (long)(await probe.ExecuteScalarAsync(stopping))!;
                if (version != seen)
                {
                    seen = version;
                    Pulse();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (SqliteException e)
        {
            // Without the watcher, waiters still wake for this process's own commits.
            _logger.LogError(e, "the change watcher stopped; changes by other processes will go unnoticed");
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _database.ChangeCommitted -= Pulse;
        await _stopping.CancelAsync();
        if (_watcher is not null)
            await _watcher;
        _stopping.Dispose();
    }
}
