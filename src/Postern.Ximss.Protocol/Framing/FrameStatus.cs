namespace Postern.Ximss.Protocol.Framing;

/// <summary>What <see cref="XimssFrameReader.TryRead"/> found in the bytes it was given.</summary>
public enum FrameStatus
{
    /// <summary>No complete frame yet: keep the unconsumed bytes and read more.</summary>
    NeedMoreData,

    /// <summary>One complete frame was read and consumed.</summary>
    Frame,

    /// <summary>The input broke a framing rule; the error says which. The reader resynchronises by itself.</summary>
    Error,
}
