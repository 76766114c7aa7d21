namespace Postern.Storage;

/// <summary>A domain: the part of an account name after <c>@</c>.</summary>
/// <param name="Settings">Domain settings in the CommuniGate dictionary text format (<c>{}</c> when empty).</param>
/// <param name="DefaultPrefs">
/// The domain's default WebUser preferences in the dictionary text format: what an account of this
/// domain sees for every preference it has not set itself.
/// </param>
public sealed record DomainRecord(long Id, string Name, string Settings, string DefaultPrefs, DateTimeOffset Created);
