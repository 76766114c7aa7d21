namespace Postern.Storage;

/// <summary>Alerts: short administrative messages shown to a user at the next opportunity.</summary>
public interface IAlertRepository
{
    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task<AlertRecord> PostAsync(long accountId, string text, DateTimeOffset posted, CancellationToken cancellationToken);

    /// <summary>The account's alerts ordered by posting time, only pending ones unless <paramref name="includeAcknowledged"/>.</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(long accountId, bool includeAcknowledged, CancellationToken cancellationToken);

    /// <summary>
    /// Acknowledges every pending alert posted at or before <paramref name="postedUpTo"/> (WebUser
    /// confirms "all alerts older than the time stamp" it showed).
    /// </summary>
    /// <returns>How many alerts were acknowledged.</returns>
    Task<int> AcknowledgeAsync(long accountId, DateTimeOffset postedUpTo, DateTimeOffset acknowledged, CancellationToken cancellationToken);
}
