namespace Postern.Storage;

/// <summary>Server-wide named values kept in the store (for example the server's default WebUser preferences).</summary>
public interface IServerSettingsRepository
{
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Sets a value; null removes it.</summary>
    Task SetAsync(string name, string? value, CancellationToken cancellationToken);
}
