using Microsoft.Extensions.Logging;

namespace Postern.Server.Logging;

/// <summary>
/// CommuniGate's log levels, least to most detailed; a module set to a level records everything at
/// that level and below. The number is the digit each record carries.
/// </summary>
public enum CgpLogLevel
{
    Nothing = 0,

    /// <summary>Failures: an operation or component broke (.NET Critical and Error).</summary>
    Failures = 1,

    /// <summary>Major: significant events such as logins, accounts created, messages stored (.NET Information).</summary>
    Major = 2,

    /// <summary>Problems: non-fatal errors such as a failed login or a rejected request (.NET Warning).</summary>
    Problems = 3,

    /// <summary>Low-Level: protocol-level detail (.NET Debug).</summary>
    LowLevel = 4,

    /// <summary>All Info: everything, link-level detail included (.NET Trace).</summary>
    AllInfo = 5,
}

public static class CgpLogLevels
{
    /// <summary>
    /// The CommuniGate level of a .NET record. The order differs on purpose: in CommuniGate "Major"
    /// (Information) is quieter than "Problems" (Warning), so a module at Major shows what happened
    /// without the non-fatal errors.
    /// </summary>
    public static CgpLogLevel Of(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => CgpLogLevel.Failures,
        LogLevel.Information => CgpLogLevel.Major,
        LogLevel.Warning => CgpLogLevel.Problems,
        LogLevel.Debug => CgpLogLevel.LowLevel,
        LogLevel.Trace => CgpLogLevel.AllInfo,
        _ => CgpLogLevel.Nothing,
    };

    /// <summary>Reads a level as CommuniGate names it (<c>Major</c>, <c>Low-Level</c>, <c>All Info</c>…) or by its digit.</summary>
    public static bool TryParse(string? text, out CgpLogLevel level)
    {
        var key = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        level = key.ToLowerInvariant() switch
        {
            "nothing" or "none" or "0" => CgpLogLevel.Nothing,
            "failures" or "1" => CgpLogLevel.Failures,
            "major" or "2" => CgpLogLevel.Major,
            "problems" or "3" => CgpLogLevel.Problems,
            "lowlevel" or "4" => CgpLogLevel.LowLevel,
            "allinfo" or "all" or "5" => CgpLogLevel.AllInfo,
            _ => (CgpLogLevel)(-1),
        };
        return level >= 0;
    }
}
