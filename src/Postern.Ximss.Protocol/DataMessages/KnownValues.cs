namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The contents of a <c>knownValues</c> data message, the answer to <c>listKnownValues</c> (docs/ximss.md).</summary>
/// <param name="TimeZones">Time-zone names a user may choose (CGP names, e.g. <c>HostOS</c>, <c>Europe/Central</c>).</param>
/// <param name="Charsets">Character sets a user may choose for outgoing mail.</param>
public sealed record KnownValues(IReadOnlyList<string> TimeZones, IReadOnlyList<string> Charsets);
