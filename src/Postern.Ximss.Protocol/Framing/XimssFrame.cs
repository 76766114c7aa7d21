using System.Buffers;

namespace Postern.Ximss.Protocol.Framing;

/// <summary>One XIMSS message as it arrived: the UTF-8 bytes before its zero byte, leading whitespace removed.</summary>
/// <remarks>
/// The payload points into the caller's buffer; parse it (<see cref="Xml.XimssXmlParser"/>) before
/// advancing the pipe past it.
/// </remarks>
public readonly struct XimssFrame
{
    internal XimssFrame(ReadOnlySequence<byte> payload)
    {
        Payload = payload;
        IsFlashPolicyRequest = FlashPolicy.IsRequest(payload);
    }

    /// <summary>The message bytes, without the terminating zero byte.</summary>
    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>True when the frame is Flash's <c>&lt;policy-file-request/&gt;</c>, which must be answered with <see cref="FlashPolicy.Response"/>.</summary>
    public bool IsFlashPolicyRequest { get; }
}
