namespace Postern.Storage;

/// <summary>An alert posted to an account: pending until the user acknowledges it.</summary>
public sealed record AlertRecord(long Id, long AccountId, DateTimeOffset Posted, string Text, DateTimeOffset? Acknowledged);
