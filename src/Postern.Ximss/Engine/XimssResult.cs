using Postern.Ximss.Protocol;

namespace Postern.Ximss.Engine;

/// <summary>How an operation ended: the final <c>&lt;response&gt;</c> is written from it.</summary>
/// <param name="Error">The error to report, or null for success.</param>
/// <param name="Deferred">True when no response is due yet (a SASL challenge was sent; the exchange continues with <c>auth</c>).</param>
public readonly record struct XimssResult(XimssError? Error, bool Deferred)
{
    /// <summary>Success: <c>&lt;response id="…"/&gt;</c>.</summary>
    public static XimssResult Ok => default;

    /// <summary>No response now; a later request of the same exchange answers for this id.</summary>
    public static XimssResult NoResponseYet => new(null, true);

    public static implicit operator XimssResult(XimssError error) => new(error, false);
}
