using System.Runtime.CompilerServices;

// The board, SSH and kernel types are internal to the `lab` executable (CA1515); their tests live beside it.
[assembly: InternalsVisibleTo("Lab.Orchestrator.Tests")]
