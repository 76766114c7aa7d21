namespace Postern.Data;

/// <summary>The kinds of CommuniGate objects the dictionary text format can hold.</summary>
public enum DataKind
{
    /// <summary>The null-value, written <c>#NULL#</c>.</summary>
    Null,

    /// <summary>A text string, written as an atom (<c>MyName</c>) or quoted (<c>"My Name"</c>).</summary>
    String,

    /// <summary>A 64-bit integer, written <c>#-50</c>.</summary>
    Number,

    /// <summary>A GMT time stamp with whole seconds, written <c>#T22-10-2009_15:24:45</c>.</summary>
    Timestamp,

    /// <summary>An IP address with an optional port, written <c>#I[10.0.44.55]:25</c>.</summary>
    IPAddress,

    /// <summary>Binary data, written as base64 in brackets: <c>[HcqHfHI=]</c>.</summary>
    DataBlock,

    /// <summary>An ordered list of objects, written <c>(a,"b c",#3)</c>.</summary>
    Array,

    /// <summary>String keys mapped to objects, written <c>{Key=Value;}</c>.</summary>
    Dictionary,
}
