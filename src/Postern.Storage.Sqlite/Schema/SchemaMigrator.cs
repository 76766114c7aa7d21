using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite.Schema;

/// <summary>Brings a database to the current schema by running the embedded <c>NNN-*.sql</c> scripts it has not run yet.</summary>
/// <remarks>The applied version is SQLite's <c>user_version</c>; each script runs in its own transaction with its version bump.</remarks>
internal static class SchemaMigrator
{
    private static readonly (int Version, string ResourceName)[] s_scripts = typeof(SchemaMigrator).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith("Schema.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => (int.Parse(name.AsSpan("Schema.".Length, 3), System.Globalization.CultureInfo.InvariantCulture), name))
        .OrderBy(script => script.Item1)
        .ToArray();

    public static int LatestVersion => s_scripts[^1].Version;

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers (sessions, the CLI) proceed while one writer commits; the mode is stored
        // in the database file, so setting it once per open is idempotent.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        await using var transaction = connection.BeginTransaction(deferred: false);
        var version = await transaction.ScalarAsync<long>("PRAGMA user_version", cancellationToken);
        if (version > LatestVersion)
            throw new StoreException($"the database schema (version {version}) is newer than this Postern (version {LatestVersion})");

        foreach (var (scriptVersion, resourceName) in s_scripts)
        {
            if (scriptVersion <= version)
                continue;
            await using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resourceName)!;
            using var text = new StreamReader(stream);
            await transaction.ExecuteAsync(await text.ReadToEndAsync(cancellationToken), cancellationToken);
            await transaction.ExecuteAsync($"PRAGMA user_version = {scriptVersion}", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
