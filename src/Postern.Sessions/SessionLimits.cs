namespace Postern.Sessions;

/// <summary>Caps on the session registry.</summary>
public sealed class SessionLimits
{
    /// <summary>
    /// Sessions of all kinds held at once. Chosen well above the 10,000 idle XIMSS sessions plus
    /// 10,000 parked HTTP long-polls the server is sized for, yet low enough that a login flood
    /// cannot exhaust memory (each session costs a few kilobytes).
    /// </summary>
    public int MaxSessions { get; set; } = 50_000;

    /// <summary>How often idle sessions are looked for; a session outlives its timeout by at most this.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(5);
}
