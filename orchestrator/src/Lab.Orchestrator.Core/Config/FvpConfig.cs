using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>
/// An ARM FastModels (FVP) simulator the lab starts: the model binary, its <c>-C name=value</c> parameters and
/// other arguments. Placeholders in any value: <c>{kernel}</c>, <c>{initrd}</c>, <c>{dtb}</c> (what the lab built or
/// <see cref="Dtb"/>), <c>{sshPort}</c> (the host port of the model's user-network forward to the board's port 22).
/// </summary>
public sealed record FvpConfig
{
    /// <summary>The model executable, e.g. <c>/opt/arm/FVP_Base_RevC-2xAEMvA/models/Linux64_GCC-9.3/FVP_Base_RevC-2xAEMvA</c>.</summary>
    [Description("The model executable (absolute, or relative to lab.json).")]
    public required string Model { get; init; }

    /// <summary>Each becomes <c>-C name=value</c>.</summary>
    [Description("Model parameters 'name=value', each passed as -C name=value; placeholders {kernel} {initrd} {dtb} {sshPort}.")]
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>Other arguments, e.g. <c>--data cluster0.cpu0={kernel}@0x80080000</c>.</summary>
    [Description("Other model arguments (argv words), e.g. --data cluster0.cpu0={kernel}@0x80080000; same placeholders.")]
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The terminal that is the board's console; the others are read and kept too (a full UART buffer stops a model).</summary>
    [Description("The terminal whose output is the console (default terminal_0); the others are drained and kept as well.")]
    public string ConsoleTerminal { get; init; } = "terminal_0";

    /// <summary>A device tree for <c>{dtb}</c>, relative to lab.json.</summary>
    [Description("Device tree blob for {dtb}, relative to lab.json.")]
    public string? Dtb { get; init; }
}
