export * from '@orgport/simulator-kit';
