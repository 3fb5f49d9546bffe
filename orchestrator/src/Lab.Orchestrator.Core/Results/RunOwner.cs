namespace Lab.Orchestrator.Core.Results;

/// <summary>The process writing a run: host, PID and the PID's start time (PIDs are reused).</summary>
public sealed record RunOwner(string Host, int Pid, DateTimeOffset ProcessStartedAt);
