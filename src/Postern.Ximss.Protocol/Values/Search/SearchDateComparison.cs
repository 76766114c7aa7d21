namespace Postern.Ximss.Protocol.Values.Search;

/// <summary>How a <see cref="SearchKey.DateCompare"/> compares the message's date (a day, RFC 3501 §6.4.4) with the key's.</summary>
public enum SearchDateComparison
{
    /// <summary>Strictly earlier day: <c>BEFORE</c>, <c>SENTBEFORE</c>.</summary>
    Before,

    /// <summary>The same day: <c>ON</c>, <c>SENTON</c>.</summary>
    On,

    /// <summary>That day or later: <c>SINCE</c>, <c>SENTSINCE</c>.</summary>
    Since,
}
