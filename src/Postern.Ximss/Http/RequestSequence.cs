namespace Postern.Ximss.Http;

/// <summary>What to do with a posted batch, given its <c>reqSeq</c>.</summary>
internal enum SequenceVerdict
{
    /// <summary>No <c>reqSeq</c>: run it and remember nothing (Flash, Java and Perl clients, docs/ximss.md §2).</summary>
    Unsequenced,

    /// <summary>The next number (or the first): run it and remember its reply.</summary>
    Next,

    /// <summary>The number of the last batch: a resend; answer with the remembered reply, run nothing.</summary>
    Replay,

    /// <summary>Any other number: <c>XIMSS request sequence error</c>.</summary>
    OutOfOrder,
}

/// <summary>
/// The <c>reqSeq</c> numbering of an HTTP session's posts (seed, "HTTP Binding"): a repeat of the last
/// number replays its reply, the next number runs, anything else is an error. Used only inside the
/// session's request queue, so it needs no lock.
/// </summary>
internal sealed class RequestSequence
{
    private long? _last;

    /// <summary>The number of the last sequenced batch, if any.</summary>
    public long? LastNumber => _last;

    /// <summary>The reply to the last sequenced batch (the body of a sync reply; empty for an async post).</summary>
    public byte[] LastReply { get; private set; } = [];

    public SequenceVerdict Check(long? requestSequence)
    {
        if (requestSequence is not { } number)
            return SequenceVerdict.Unsequenced;
        if (_last is not { } last)
            return SequenceVerdict.Next;
        if (number == last)
            return SequenceVerdict.Replay;
        return number == last + 1 ? SequenceVerdict.Next : SequenceVerdict.OutOfOrder;
    }

    public void Record(long requestSequence, byte[] reply)
    {
        _last = requestSequence;
        LastReply = reply;
    }
}
