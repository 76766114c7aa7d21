namespace Postern.Ximss.Protocol.Values.Search;

/// <summary>Which date a <see cref="SearchKey.DateCompare"/> tests.</summary>
public enum SearchDateField
{
    /// <summary>The internal (arrival) date: <c>BEFORE</c>, <c>ON</c>, <c>SINCE</c>.</summary>
    Internal,

    /// <summary>The <c>Date:</c> header: <c>SENTBEFORE</c>, <c>SENTON</c>, <c>SENTSINCE</c>.</summary>
    Sent,
}
