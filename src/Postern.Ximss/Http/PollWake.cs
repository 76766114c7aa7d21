namespace Postern.Ximss.Http;

/// <summary>Why a parked poll woke.</summary>
internal enum PollWake
{
    Messages,
    Replaced,
    Ended,
}
