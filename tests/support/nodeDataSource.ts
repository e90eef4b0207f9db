// The app's DataSource on native DuckDB lives with the pipeline, which writes the indicator snapshot with it.
export { NodeDataSource } from '../../data/nodeSource';
